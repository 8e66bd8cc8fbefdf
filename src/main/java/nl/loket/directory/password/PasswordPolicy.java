package nl.loket.directory.password;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.passay.DictionaryRule;
import org.passay.EnglishSequenceData;
import org.passay.IllegalSequenceRule;
import org.passay.LengthRule;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.RepeatCharactersRule;
import org.passay.RuleResult;
import org.passay.RuleResultDetail;
import org.passay.UsernameRule;
import org.passay.dictionary.ArrayWordList;
import org.passay.dictionary.WordListDictionary;
import org.passay.dictionary.WordLists;
import org.passay.dictionary.sort.ArraysSort;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a new password must be, after NIST SP 800-63B (5.1.1.2): long enough (12 by default) and not too long
 * (128), no composition rules, but not one of the 49,233 commonly used passwords shipped with Loket
 * ({@code directory/common-passwords.txt}, case-insensitive), not the username (forwards or backwards, in any case),
 * and no run of repeated or sequential characters (aaaaa, 12345, abcde, qwert). Checked with Passay. Whether it is
 * one of the person's last passwords is checked by the password history, which knows them (hashed).
 */
@Component
public class PasswordPolicy {

    static final String COMMON_PASSWORDS = "directory/common-passwords.txt";
    private static final int SEQUENCE = 5;

    private final PasswordValidator validator;
    private final int minLength;
    private final int commonPasswords;

    public PasswordPolicy(@Value("${loket.password.min-length:12}") int minLength,
                   @Value("${loket.password.max-length:128}") int maxLength) {
        if (minLength < 8 || maxLength < 64 || maxLength < minLength) {
            throw new IllegalArgumentException("loket.password.min-length must be at least 8 (NIST SP 800-63B) and "
                    + "loket.password.max-length at least 64");
        }
        this.minLength = minLength;
        ArrayWordList common = readCommonPasswords();
        this.commonPasswords = common.size();
        this.validator = new PasswordValidator(
                new LengthRule(minLength, maxLength),
                new UsernameRule(true, true),
                new DictionaryRule(new WordListDictionary(common)),
                new RepeatCharactersRule(SEQUENCE),
                new IllegalSequenceRule(EnglishSequenceData.Numerical, SEQUENCE, false),
                new IllegalSequenceRule(EnglishSequenceData.Alphabetical, SEQUENCE, false),
                new IllegalSequenceRule(EnglishSequenceData.USQwerty, SEQUENCE, false));
    }

    private static ArrayWordList readCommonPasswords() {
        try (Reader reader = new InputStreamReader(new ClassPathResource(COMMON_PASSWORDS).getInputStream(),
                StandardCharsets.UTF_8)) {
            // case-insensitive: "Password123!" is as common as "password123!"
            return WordLists.createFromReader(new Reader[] {reader}, false, new ArraysSort());
        } catch (IOException e) {
            throw new UncheckedIOException("The list of common passwords cannot be read", e);
        }
    }

    /** Why the password is refused for this user (empty: it meets the policy). One problem per kind. */
    public List<PasswordProblem> check(String username, String candidate) {
        RuleResult result = validator.validate(new PasswordData(username, candidate == null ? "" : candidate));
        if (result.isValid()) {
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        List<PasswordProblem> problems = new ArrayList<>();
        for (RuleResultDetail detail : result.getDetails()) {
            String code = code(detail.getErrorCode());
            if (seen.add(code)) {
                problems.add(new PasswordProblem(code, arguments(code)));
            }
        }
        return problems;
    }

    /** Passay's error codes, grouped as a user reads them (the kind of sequence does not matter to them). */
    private static String code(String passay) {
        return switch (passay) {
            case "TOO_SHORT" -> "too-short";
            case "TOO_LONG" -> "too-long";
            case "ILLEGAL_USERNAME", "ILLEGAL_USERNAME_REVERSED" -> "username";
            case "ILLEGAL_WORD", "ILLEGAL_WORD_REVERSED" -> "common";
            case "ILLEGAL_REPEATED_CHARS" -> "repeated";
            default -> passay.startsWith("ILLEGAL_") && passay.endsWith("_SEQUENCE") ? "sequence" : "other";
        };
    }

    /** The arguments of each message: never the password or a part of it. */
    private List<Object> arguments(String code) {
        return switch (code) {
            case "too-short" -> List.of(minLength);
            case "repeated", "sequence" -> List.of(SEQUENCE);
            default -> List.of();
        };
    }

    public int minLength() {
        return minLength;
    }

    /** How many common passwords are refused (shown in the policy's explanation). */
    public int commonPasswords() {
        return commonPasswords;
    }
}
