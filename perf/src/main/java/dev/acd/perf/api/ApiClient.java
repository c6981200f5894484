package dev.acd.perf.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Logs in to the API on 127.0.0.1 and sends GETs with the session, for the benchmarks. */
final class ApiClient {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final int port;
    private String token;

    ApiClient(int port) {
        this.port = port;
    }

    /** Logs in; fails naming the status when the API refuses. */
    ApiClient login(String user, String password) throws IOException, InterruptedException {
        String body = json.writeValueAsString(java.util.Map.of("user", user, "password", password));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login as " + user + " refused: " + response.statusCode() + " "
                    + response.body());
        }
        token = json.readTree(response.body()).get("token").asText();
        return this;
    }

    String token() {
        return token;
    }

    /** GET {@code path} with the session; the body, or a failure naming the status. */
    String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
