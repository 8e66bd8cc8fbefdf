package nl.loket.environment.provider;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A password as PostgreSQL stores it for SCRAM-SHA-256 (RFC 5802/7677, the format of {@code pg_authid.rolpassword}).
 * Sending this instead of the password keeps the password out of the server's log: PostgreSQL logs the text of a
 * statement that fails (and of every DDL statement with {@code log_statement = ddl}), and CREATE/ALTER ROLE take no
 * bind parameters. The server accepts it as is and checks logins against it.
 */
final class ScramVerifier {

    private static final int ITERATIONS = 4096;
    private static final int SALT_BYTES = 16;
    private static final int KEY_BITS = 256;

    private ScramVerifier() {
    }

    /** For passwords of printable ASCII only, where SASLprep changes nothing. */
    static String of(String password, SecureRandom random) {
        if (!password.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("Only printable ASCII passwords are supported");
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        try {
            byte[] saltedPassword = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, KEY_BITS))
                    .getEncoded();
            byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(hmac(saltedPassword, "Client Key"));
            byte[] serverKey = hmac(saltedPassword, "Server Key");
            Base64.Encoder base64 = Base64.getEncoder();
            return "SCRAM-SHA-256$" + ITERATIONS + ":" + base64.encodeToString(salt)
                    + "$" + base64.encodeToString(storedKey) + ":" + base64.encodeToString(serverKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SCRAM-SHA-256 is not available in this JVM", e);
        }
    }

    private static byte[] hmac(byte[] key, String message) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message.getBytes(StandardCharsets.US_ASCII));
    }
}
