package dev.acd.asterisk.agi;

import java.util.Map;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each FastAGI request to the script its path names: {@code route}, {@code result}, {@code answered},
 * {@code callback}. An unknown path sets {@code ACD_STATUS=ERROR} with the reason. Runs on asterisk-java's pool.
 */
public final class AgiScripts implements AgiScript {
    private static final Logger LOG = LoggerFactory.getLogger(AgiScripts.class);

    private final Map<String, AgiScript> scripts;

    public AgiScripts(RouteScript route, ResultScript result, AnsweredScript answered, CallbackScript callback) {
        this.scripts = Map.of("route", route, "result", result, "answered", answered, "callback", callback);
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        String name = request.getScript();
        AgiScript script = name == null ? null : scripts.get(name);
        if (name == null) {
            // A connection that sent no AGI environment: a port probe (load balancer, monitoring), not Asterisk.
            return;
        }
        if (script == null) {
            LOG.warn("AGI request for unknown script '{}' from channel {}", name, request.getChannel());
            channel.setVariable(AgiVariables.STATUS, AgiVariables.STATUS_ERROR);
            channel.setVariable(AgiVariables.REASON, "unknown script '" + name + "'; expected one of "
                    + String.join(", ", scripts.keySet().stream().sorted().toList()));
            return;
        }
        script.service(request, channel);
    }

    /** Our call id from a channel variable or request parameter, or -1 when absent or not a number. */
    static long callId(String text) {
        if (text == null || text.isBlank()) {
            return -1;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
