package org.ruleone.support;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static java.nio.charset.StandardCharsets.UTF_8;

/** The README's recipe for a receiver verifying a webhook (section "Webhooks"), word for word: no code of Rule One's. */
public final class WebhookRecipe {

    private WebhookRecipe() {
    }

    public static boolean verify(String header, String body, String secret) throws Exception {
        return verify(header, body, secret, Instant.now().getEpochSecond());
    }

    /** The same, with the receiver's clock given. */
    public static boolean verify(String header, String body, String secret, long nowSeconds) throws Exception {
        Map<String, String> p = Arrays.stream(header.split(",")).map(kv -> kv.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1], (a, b) -> a));
        long t = Long.parseLong(p.get("t"));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
        byte[] expected = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(UTF_8))).getBytes(UTF_8);
        return MessageDigest.isEqual(expected, p.getOrDefault("v1", "").getBytes(UTF_8))
                && Math.abs(nowSeconds - t) <= 300;
    }
}
