package dev.acd.asterisk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Asterisk channel as FastAGI sees it, scripted: each {@link #agi} call opens a TCP connection like Asterisk's
 * AGI() application, sends the agi_* environment and answers every command with {@code 200 result=...}, keeping
 * channel variables across connections. {@link #hangUp} closes the connection under a waiting script.
 */
final class FakeAsteriskChannel implements AutoCloseable {
    private static final Pattern SET = Pattern.compile("SET VARIABLE \"([^\"]+)\" \"([^\"]*)\"");
    private static final Pattern GET = Pattern.compile("GET VARIABLE \"([^\"]+)\"");

    private final int port;
    private final String uniqueId;
    private final String callerNumber;
    private final Map<String, String> variables = new ConcurrentHashMap<>();
    /** Every command any connection received, in order, except the liveness checks. */
    final List<String> commands = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "fake-asterisk");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Socket current;

    FakeAsteriskChannel(int port, String uniqueId, String callerNumber) {
        this.port = port;
        this.uniqueId = uniqueId;
        this.callerNumber = callerNumber;
    }

    String variable(String name) {
        return variables.get(name);
    }

    void set(String name, String value) {
        variables.put(name, value);
    }

    /** Runs one AGI() call in the background; the future completes when the script has returned. */
    Future<?> agi(String path, String extension) {
        return executor.submit(() -> {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                current = socket;
                Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII));
                String script = path.startsWith("/") ? path.substring(1) : path;
                out.write("agi_network: yes\n"
                        + "agi_network_script: " + script + "\n"
                        + "agi_request: agi://127.0.0.1:" + port + "/" + script + "\n"
                        + "agi_channel: PJSIP/trunk-0000000" + uniqueId.hashCode() % 10 + "\n"
                        + "agi_language: en\n"
                        + "agi_type: PJSIP\n"
                        + "agi_uniqueid: " + uniqueId + "\n"
                        + "agi_version: 18.20.0\n"
                        + "agi_callerid: " + callerNumber + "\n"
                        + "agi_calleridname: Caller\n"
                        + "agi_dnid: 2125550100\n"
                        + "agi_context: acd-inbound\n"
                        + "agi_extension: " + extension + "\n"
                        + "agi_priority: 2\n"
                        + "agi_enhanced: 0.0\n"
                        + "agi_accountcode: \n"
                        + "\n");
                out.flush();
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.startsWith("CHANNEL STATUS")) {
                        commands.add(line);
                    }
                    out.write(answer(line) + "\n");
                    out.flush();
                }
            } catch (IOException e) {
                // hung up under the script: expected in abandon tests
            }
            return null;
        });
    }

    private String answer(String command) {
        Matcher set = SET.matcher(command);
        if (set.matches()) {
            variables.put(set.group(1), set.group(2));
            return "200 result=1";
        }
        Matcher get = GET.matcher(command);
        if (get.matches()) {
            String value = variables.get(get.group(1));
            return value == null ? "200 result=0" : "200 result=1 (" + value + ")";
        }
        if (command.startsWith("CHANNEL STATUS")) {
            return "200 result=6";
        }
        return "200 result=0";
    }

    /** The caller hangs up: Asterisk drops the FastAGI connection. */
    void hangUp() throws IOException {
        Socket socket = current;
        if (socket != null) {
            socket.close();
        }
    }

    @Override
    public void close() throws IOException {
        hangUp();
        executor.shutdownNow();
    }
}
