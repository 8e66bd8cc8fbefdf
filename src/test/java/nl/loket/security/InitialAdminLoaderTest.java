package nl.loket.security;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import nl.loket.directory.password.PasswordPolicy;
import nl.loket.scheduling.StartUpLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The first process admin is created only with a password that meets the password policy. */
class InitialAdminLoaderTest {

    private static final PasswordPolicy POLICY = new PasswordPolicy(12, 128);

    private static UserAccountService run(String password) {
        UserAccountService accounts = mock(UserAccountService.class);
        when(accounts.canAddPeople()).thenReturn(true);
        StartUpLock startUp = mock(StartUpLock.class);
        doAnswer(call -> {
            ((Runnable) call.getArgument(1)).run();
            return null;
        }).when(startUp).runAlone(anyString(), any(Runnable.class));
        new InitialAdminLoader(accounts, "beheer", password, startUp, POLICY).run(null);
        return accounts;
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "qwerty123456", "beheer-van-loket", "aaaaaaaaaaaaaaaa"})
    void a_password_the_policy_refuses_creates_no_admin(String password) {
        verify(run(password), never()).createIfAbsent(any(), anyString());
    }

    @Test
    void a_password_that_meets_the_policy_creates_the_admin() {
        verify(run("a-long-enough-secret")).createIfAbsent(any(), eq("a-long-enough-secret"));
    }
}
