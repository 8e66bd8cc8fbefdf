package nl.loket.catalog.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.TestUsers;
import nl.loket.ui.AccessDeniedView;
import nl.loket.ui.KaribuSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;

/** The publishing page as ada uses it; and closed to everyone else. */
@LoketIntegrationTest
class PublishViewIT {

    @Autowired ApplicationContext context;
    @Autowired TestUsers users;

    @AfterEach
    void close() {
        KaribuSupport.close();
    }

    @Test
    void a_refused_upload_lists_its_reasons_in_dutch() {
        KaribuSupport.openAs("ada", users, context, Locale.forLanguageTag("nl"));
        UI.getCurrent().navigate(PublishView.class);
        PublishView view = _get(PublishView.class);
        assertThat(view.upload.getI18n().getDropFiles().getMany()).as("Vaadin's own upload texts in Dutch")
                .isEqualTo("Sleep bestanden hierheen");
        assertThat(view.upload.getI18n().getAddFiles().getMany()).isEqualTo("Kies bestanden...");

        _click(view.publish);
        assertThat(view.name.isInvalid()).isTrue();

        view.name.setValue("Proef");
        view.receive("notities.bpmn", "geen model".getBytes(StandardCharsets.UTF_8));
        _click(view.publish);
        UnorderedList reasons = _get(view.outcome, UnorderedList.class, spec -> spec.withId("publish-refused"));
        assertThat(_find(reasons, ListItem.class)).extracting(ListItem::getText)
                .contains("notities.bpmn is geen BPMN-model dat Camunda kan lezen.");
    }

    @Test
    void a_model_with_code_is_refused_with_the_reason_in_english_and_dutch() throws IOException {
        byte[] model = getClass().getResourceAsStream("/code-guard/code-java-class.bpmn").readAllBytes();
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.forLanguageTag("nl")}) {
            KaribuSupport.openAs("ada", users, context, locale);
            UI.getCurrent().navigate(PublishView.class);
            PublishView view = _get(PublishView.class);
            view.name.setValue("Code");
            view.receive("code-java-class.bpmn", model);
            _click(view.publish);
            UnorderedList reasons = _get(view.outcome, UnorderedList.class, spec -> spec.withId("publish-refused"));
            assertThat(_find(reasons, ListItem.class)).extracting(ListItem::getText).contains(
                    locale.getLanguage().equals("nl")
                            ? "code-java-class.bpmn, ServiceTask_Run: Java-klassen zijn niet toegestaan in "
                            + "gepubliceerde modellen (com.example.RunCommandDelegate). Gebruik "
                            + "camunda:delegateExpression met een van de delegates die Loket publiceert."
                            : "code-java-class.bpmn, ServiceTask_Run: Java classes are not allowed in published "
                            + "models (com.example.RunCommandDelegate). Use camunda:delegateExpression with one of "
                            + "the delegates Loket publishes.");
            KaribuSupport.close();
        }
    }

    @Test
    void employees_cannot_open_it() {
        KaribuSupport.openAs("emma", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate("admin/publish");
        assertThat(_find(PublishView.class)).isEmpty();
        _get(AccessDeniedView.class);
    }

    @Test
    void ada_publishes_a_model_with_its_forms() throws Exception {
        KaribuSupport.openAs("ada", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(PublishView.class);
        PublishView view = _get(PublishView.class);
        view.name.setValue("Laptop loan");
        receiveEquipmentLoan(view, "laptop-loan", UnaryOperator.identity());
        _click(view.publish);
        assertThat(outcome(view)).isEqualTo("Published: laptop-loan. It is in the catalogue now.");
    }

    @Test
    void a_published_type_that_is_not_in_the_catalogue_is_said_so_in_dutch() throws Exception {
        KaribuSupport.openAs("ada", users, context, Locale.forLanguageTag("nl"));
        UI.getCurrent().navigate(PublishView.class);
        PublishView view = _get(PublishView.class);
        view.name.setValue("Interne stap");
        receiveEquipmentLoan(view, "internal-step",
                model -> model.replace("<camunda:property name=\"loket:category\" value=\"hardware\"/>", ""));
        _click(view.publish);
        assertThat(outcome(view))
                .isEqualTo("Gepubliceerd: internal-step. Het staat niet in de catalogus: het heeft geen loket:category.");
    }

    /** The equipment-loan model and forms (test resources) as an upload under another key. */
    private void receiveEquipmentLoan(PublishView view, String key, UnaryOperator<String> change) throws IOException {
        for (String file : new String[] {"equipment-loan.bpmn", "equipment-loan-request.form",
                "equipment-loan-handover.form"}) {
            byte[] content = getClass().getResourceAsStream("/form-request-types/" + file).readAllBytes();
            String renamed = change.apply(new String(content, StandardCharsets.UTF_8).replace("equipment-loan", key));
            view.receive(file.replace("equipment-loan", key), renamed.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String outcome(PublishView view) {
        return _find(_get(view.outcome, Div.class, spec -> spec.withId("publish-done")), Paragraph.class).stream()
                .map(Paragraph::getText).collect(Collectors.joining(" "));
    }
}
