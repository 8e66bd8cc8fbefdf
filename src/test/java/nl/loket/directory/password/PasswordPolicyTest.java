package nl.loket.directory.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;

/** The password policy row by row: what is refused, why, and that a good long password passes. */
class PasswordPolicyTest {

    private static final PasswordPolicy POLICY = new PasswordPolicy(12, 128);

    @ParameterizedTest(name = "{1} for emma: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # row | password                                  | refused as (empty: accepted)
            1     | demo                                      | too-short
            2     | elf tekens!                               | too-short
            3     | twaalf teken                              |
            4     | correct horse battery staple              |
            5     | zomer aan zee in Zandvoort                |
            6     | wachtwoord met ë, ß en €                  |
            7     | emma-loves-the-sea                        | username
            8     | EMMA loves the sea                        | username
            9     | amme loves the sea                        | username
            10    | qwerty123456                              | common
            11    | QWERTY123456                              | common
            12    | 1qaz2wsx3edc                              | common
            13    | leavemealone                              | common
            14    | the sea is aaaaa blue                     | repeated
            15    | my number is 45678 ok                     | sequence
            16    | abcdefg is the alphabet                   | sequence
            17    | gevonden in 98765 dingen                  | sequence
            """)
    void policy_rows(int row, String password, String refusedAs) {
        List<PasswordProblem> problems = POLICY.check("emma", password);
        if (refusedAs == null) {
            assertThat(problems).as("row %d accepted", row).isEmpty();
        } else {
            assertThat(problems).as("row %d", row).extracting(PasswordProblem::code).contains(refusedAs);
        }
    }

    @Test
    void longer_than_the_maximum_is_refused_and_the_maximum_itself_accepted() {
        String sentence = "een lange zin over de zee en de duinen van Zandvoort, ";
        String at128 = (sentence.repeat(3)).substring(0, 128);
        assertThat(POLICY.check("emma", at128)).isEmpty();
        assertThat(POLICY.check("emma", at128 + "x")).extracting(PasswordProblem::code).containsExactly("too-long");
    }

    @Test
    void the_messages_carry_the_length_but_never_the_password() {
        List<PasswordProblem> problems = POLICY.check("emma", "emma1");
        assertThat(problems).extracting(PasswordProblem::code).contains("too-short", "username");
        assertThat(problems).filteredOn(p -> p.code().equals("too-short")).singleElement()
                .satisfies(p -> assertThat(p.arguments()).containsExactly(12));
        assertThat(problems.toString()).doesNotContain("emma1");
    }

    @Test
    void the_shipped_list_has_tens_of_thousands_of_common_passwords() {
        assertThat(POLICY.commonPasswords()).isGreaterThanOrEqualTo(10_000);
    }

    @Test
    void every_reason_is_in_both_languages() throws IOException {
        for (String bundle : List.of("translations.properties", "translations_nl.properties")) {
            Properties texts = new Properties();
            try (InputStream in = new ClassPathResource("vaadin-i18n/" + bundle).getInputStream()) {
                texts.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            for (String code : List.of("too-short", "too-long", "username", "common", "repeated", "sequence",
                    "history", "other")) {
                assertThat(texts).as(bundle).containsKey(new PasswordProblem(code, List.of()).messageKey());
            }
        }
    }

    @Test
    void a_policy_weaker_than_nist_is_refused_at_start() {
        assertThatThrownBy(() -> new PasswordPolicy(6, 128)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordPolicy(12, 32)).isInstanceOf(IllegalArgumentException.class);
    }
}
