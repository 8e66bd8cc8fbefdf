package nl.loket.request.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;

import nl.loket.forms.FormField;
import nl.loket.support.EquipmentLoan;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.TestUsers;
import nl.loket.ui.KaribuSupport;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;

/** A request type without Java, filled in through its rendered Camunda Form. */
@LoketIntegrationTest
class StartRequestViewIT {

    @Autowired RepositoryService repositoryService;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;

    @BeforeEach
    void deploy() {
        EquipmentLoan.deployOnce(repositoryService);
    }

    @AfterEach
    void close() {
        KaribuSupport.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void emma_fills_in_the_rendered_form_and_the_server_checks_it() {
        KaribuSupport.openAs("emma", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(StartRequestView.class, new RouteParameters("key", EquipmentLoan.KEY));
        StartRequestView view = _get(StartRequestView.class);
        Select<FormField.Option> item = (Select<FormField.Option>) view.form.input("item");
        TextField desk = (TextField) view.form.input("desk");

        // rows and widths as the form designer laid them out (16 columns)
        Component days = (Component) view.form.input("days");
        assertThat(item.getParent()).isEqualTo(days.getParent());
        assertThat(item.getElement().getStyle().get("grid-column")).isEqualTo("span 10");
        assertThat(days.getElement().getStyle().get("grid-column")).isEqualTo("span 6");
        assertThat(((Component) view.form.input("from")).getElement().getStyle().get("grid-column"))
                .isEqualTo("span 8");
        assertThat(desk.getParent()).isNotEqualTo(item.getParent());
        assertThat(((BigDecimalField) days).getValue()).as("the form's default value").isEqualByComparingTo("2");

        assertThat(desk.isVisible()).as("hidden until 'deliver' is ticked (FEEL condition)").isFalse();
        ((Checkbox) view.form.input("deliver")).setValue(true);
        assertThat(desk.isVisible()).isTrue();

        _click(view.submit);
        assertThat(item.isInvalid()).isTrue();
        assertThat(item.getErrorMessage()).isEqualTo("This field is required.");
        assertThat(desk.isInvalid()).isTrue();

        item.setValue(item.getListDataView().getItems().filter(o -> "headset".equals(o.value())).findFirst()
                .orElseThrow());
        ((BigDecimalField) view.form.input("days")).setValue(new BigDecimal("3"));
        desk.setValue("B204");
        long before = count();
        _click(view.submit);

        assertThat(_get(RequestDetailView.class)).isInstanceOf(Component.class);
        assertThat(count()).isEqualTo(before + 1);
    }

    private long count() {
        return jdbc.sql("select count(*) from service_request where request_type = ?").param(EquipmentLoan.KEY)
                .query(Long.class).single();
    }
}
