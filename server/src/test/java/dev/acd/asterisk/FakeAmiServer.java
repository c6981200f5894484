package dev.acd.asterisk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asterisk's manager interface, scripted: the AMI text protocol over TCP (banner, responses to Challenge, Login,
 * Command and Logoff, each echoing its ActionID) and events pushed to every logged-in client. It can be stopped and
 * started again on the same port, as when Asterisk restarts.
 */
final class FakeAmiServer implements AutoCloseable {
    private final int port;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    final AtomicInteger logins = new AtomicInteger();
    /** Every action received other than Challenge, Login and Logoff, headers by lower-case name. */
    final List<Map<String, String>> actions = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    FakeAmiServer(int port) {
        this.port = port;
    }

    void start() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = socket;
        Thread acceptor = new Thread(() -> accept(socket), "fake-ami-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocket socket) {
        try {
            while (true) {
                Socket client = socket.accept();
                Thread thread = new Thread(() -> serve(client), "fake-ami-client");
                thread.setDaemon(true);
                thread.start();
            }
        } catch (IOException e) {
            // stopped
        }
    }

    private void serve(Socket client) {
        try (client) {
            OutputStream out = client.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            write(out, "Asterisk Call Manager/5.0.1\r\n");
            Map<String, String> action = new HashMap<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isEmpty()) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        action.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
                    }
                    continue;
                }
                if (action.isEmpty()) {
                    continue;
                }
                String id = action.getOrDefault("actionid", "");
                String name = action.getOrDefault("action", "").toLowerCase();
                if (!List.of("challenge", "login", "logoff").contains(name)) {
                    actions.add(Map.copyOf(action));
                }
                action.clear();
                switch (name) {
                    case "challenge" -> write(out, "Response: Success\r\nActionID: " + id + "\r\nChallenge: 840415273\r\n\r\n");
                    case "login" -> {
                        write(out, "Response: Success\r\nActionID: " + id + "\r\nMessage: Authentication accepted\r\n\r\n");
                        clients.add(client);
                        logins.incrementAndGet();
                    }
                    case "command" -> write(out, "Response: Success\r\nActionID: " + id
                            + "\r\nMessage: Command output follows\r\nOutput: Asterisk 18.20.0 built by root on x86_64\r\n\r\n");
                    case "logoff" -> {
                        write(out, "Response: Goodbye\r\nActionID: " + id + "\r\nMessage: Thanks for all the fish.\r\n\r\n");
                        clients.remove(client);
                        return;
                    }
                    default -> write(out, "Response: Success\r\nActionID: " + id + "\r\n\r\n");
                }
            }
        } catch (IOException e) {
            // client gone or server stopped
        } finally {
            clients.remove(client);
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        synchronized (out) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    /** Pushes one event to every logged-in client: header lines, e.g. "Event: Hangup", "Uniqueid: 1.1". */
    void event(String... headers) throws IOException {
        String packet = String.join("\r\n", headers) + "\r\n\r\n";
        for (Socket client : clients) {
            write(client.getOutputStream(), packet);
        }
    }

    boolean hasClient() {
        return !clients.isEmpty();
    }

    /** Asterisk goes away: the listening socket and every connection close. */
    void stop() throws IOException {
        server.close();
        for (Socket client : clients) {
            client.close();
        }
        clients.clear();
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
