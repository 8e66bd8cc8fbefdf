package nl.loket.tenant.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import nl.loket.security.UserAccount;
import nl.loket.security.UserAccountService;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.TestUsers;
import nl.loket.tenant.TenantService;
import nl.loket.ui.KaribuSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;

/** Admins keep tenants in the portal; a bad one is refused with a message; others do not get the page. */
@LoketIntegrationTest
class TenantsViewIT {

    @Autowired ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired TenantService tenants;
    @Autowired UserAccountService accounts;

    @AfterEach
    void close() {
        KaribuSupport.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_admin_adds_a_tenant_with_members_and_a_bad_code_is_refused() {
        KaribuSupport.openAs("ada", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(TenantsView.class);
        TenantsView view = _get(TenantsView.class);
        String code = "t-" + UUID.randomUUID().toString().substring(0, 8);

        view.edit(null);
        _get(TextField.class, spec -> spec.withId("tenant-code")).setValue("Bad Code");
        _get(TextField.class, spec -> spec.withId("tenant-name")).setValue("Gemeente Houten");
        _click(_get(Button.class, spec -> spec.withId("save-tenant")));
        assertThat(_get(TextField.class, spec -> spec.withId("tenant-code")).isInvalid()).isTrue();
        assertThat(_get(ComboBox.class, spec -> spec.withId("tenant-owner")).getErrorMessage())
                .isEqualTo("Choose a user of Loket.");

        _get(TextField.class, spec -> spec.withId("tenant-code")).setValue(code);
        UserAccount mark = accounts.find("mark").orElseThrow();
        ((ComboBox<UserAccount>) _get(ComboBox.class, spec -> spec.withId("tenant-owner"))).setValue(mark);
        _get(BigDecimalField.class, spec -> spec.withId("tenant-budget")).setValue(new BigDecimal("20000"));
        ((MultiSelectComboBox<UserAccount>) _get(MultiSelectComboBox.class, spec -> spec.withId("tenant-members")))
                .setValue(Set.of(accounts.find("emma").orElseThrow(), accounts.find("frank").orElseThrow()));
        _click(_get(Button.class, spec -> spec.withId("save-tenant")));

        assertThat(tenants.find(code)).hasValueSatisfying(t -> {
            assertThat(t.name()).isEqualTo("Gemeente Houten");
            assertThat(t.owner()).isEqualTo("mark");
            assertThat(t.yearlyBudgetCredits()).isEqualByComparingTo("20000");
        });
        assertThat(tenants.members(code)).containsExactly("emma", "frank");
        assertThat(tenants.isMember(code, "emma")).isTrue();
    }

    @Test
    void an_employee_does_not_get_the_page() {
        KaribuSupport.openAs("emma", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate("admin/tenants");
        assertThat(_find(TenantsView.class)).isEmpty();
    }
}
