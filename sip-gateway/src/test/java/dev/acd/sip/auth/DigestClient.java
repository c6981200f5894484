package dev.acd.sip.auth;

import dev.acd.sip.message.SipMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A softphone's side of digest, written from the RFC formulas independently of the code under test: reads
 * challenges from the response's text and computes responses with {@link MessageDigest}.
 */
public final class DigestClient {
    private static final Pattern PARAM = Pattern.compile("([A-Za-z0-9-]+)=(\"([^\"]*)\"|[^,\\s]*)");

    private DigestClient() {
    }

    /** H(text) in lowercase hex; {@code algorithm} is "MD5" or "SHA-256". */
    public static String h(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** RFC 7616 section 3.4.2: HA1 = H(username:realm:password). */
    public static String ha1(String algorithm, String user, String realm, String password) {
        return h(algorithm, user + ":" + realm + ":" + password);
    }

    /** RFC 7616 section 3.4.1 with qop=auth: H(HA1:nonce:nc:cnonce:qop:H(method:uri)). */
    public static String response(String algorithm, String ha1, String nonce, String nc, String cnonce,
            String method, String uri) {
        return h(algorithm, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + h(algorithm, method + ":" + uri));
    }

    /** RFC 2069 (no qop): H(HA1:nonce:H(method:uri)). */
    public static String responseWithoutQop(String algorithm, String ha1, String nonce, String method, String uri) {
        return h(algorithm, ha1 + ":" + nonce + ":" + h(algorithm, method + ":" + uri));
    }

    /** The parameters of every challenge header named {@code header} in the response, in order. */
    public static List<Map<String, String>> challenges(SipMessage response, String header) {
        String text = new String(response.encode(), StandardCharsets.UTF_8);
        List<Map<String, String>> out = new ArrayList<>();
        for (String line : text.split("\r\n")) {
            if (line.regionMatches(true, 0, header + ":", 0, header.length() + 1)) {
                String value = line.substring(header.length() + 1).strip();
                if (!value.startsWith("Digest ")) {
                    throw new AssertionError("not a Digest challenge: " + line);
                }
                Map<String, String> params = new LinkedHashMap<>();
                Matcher m = PARAM.matcher(value.substring(7));
                while (m.find()) {
                    params.put(m.group(1).toLowerCase(), m.group(3) != null ? m.group(3) : m.group(2));
                }
                out.add(params);
            }
        }
        return out;
    }

    /** The challenge offering {@code algorithm}. */
    public static Map<String, String> challenge(SipMessage response, String header, String algorithm) {
        for (Map<String, String> c : challenges(response, header)) {
            if (algorithm.equalsIgnoreCase(c.get("algorithm"))) {
                return c;
            }
        }
        throw new AssertionError("no " + algorithm + " challenge in " + response);
    }

    /** An Authorization (or Proxy-Authorization) header value answering a challenge with qop=auth. */
    public static String credentials(String algorithm, String user, String realm, String ha1, String nonce, String nc,
            String cnonce, String method, String uri) {
        return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", response=\"" + response(algorithm, ha1, nonce, nc, cnonce, method, uri) + "\", algorithm="
                + algorithm + ", qop=auth, nc=" + nc + ", cnonce=\"" + cnonce + "\"";
    }
}
