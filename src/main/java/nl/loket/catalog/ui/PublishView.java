package nl.loket.catalog.ui;

import nl.loket.ui.LocalizedFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import nl.loket.catalog.CatalogListing;
import nl.loket.catalog.PublishingService;
import nl.loket.catalog.UploadRefusedException;
import nl.loket.security.Roles;
import nl.loket.ui.MainLayout;
import nl.loket.ui.PageHeading;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.RolesAllowed;

/** Process admins publish request types: upload BPMN, DMN and Camunda Forms made in Camunda Modeler. */
@Route(value = "admin/publish", layout = MainLayout.class)
@Menu(title = "nav.publish", order = 10, icon = "vaadin:upload")
@RolesAllowed(Roles.PROCESS_ADMIN)
public class PublishView extends VerticalLayout implements HasDynamicTitle {

    private final PublishingService publishing;
    private final Map<String, byte[]> received = new ConcurrentHashMap<>();

    final TextField name = new TextField();
    final Upload upload = LocalizedFields.upload(UploadHandler.inMemory((metadata, data) -> received.put(metadata.fileName(), data)));
    final UnorderedList files = new UnorderedList();
    final Div outcome = new Div();
    final Button publish = new Button();

    public PublishView(PublishingService publishing) {
        this.publishing = publishing;
        addClassName("loket-page");
        Paragraph intro = new Paragraph(getTranslation("publish.intro"));
        intro.addClassNames(LumoUtility.TextColor.SECONDARY);

        name.setLabel(getTranslation("publish.name"));
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(100);
        name.setId("publish-name");
        upload.setAcceptedFileTypes(".bpmn", ".dmn", ".form");
        upload.setMaxFiles(PublishingService.MAX_FILES);
        upload.setMaxFileSize(PublishingService.MAX_FILE_SIZE);
        upload.addAllFinishedListener(e -> showFiles());
        upload.setId("publish-upload");
        files.setId("publish-files");

        publish.setText(getTranslation("publish.submit"));
        publish.setIcon(VaadinIcon.ROCKET.create());
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        publish.setId("publish");
        publish.addClickListener(e -> publish());
        Button clear = new Button(getTranslation("publish.clear"), e -> clear());
        outcome.setId("publish-outcome");

        Div card = new Div(name, upload, files, new HorizontalLayout(publish, clear), outcome);
        card.addClassName("loket-card");
        add(new PageHeading(getTranslation("publish.title")), intro, card);
    }

    /** For tests and for a file picked up by other means: the files to publish, by name. */
    void receive(String fileName, byte[] content) {
        received.put(fileName, content);
        showFiles();
    }

    void publish() {
        outcome.removeAll();
        if (name.getValue().isBlank()) {
            name.setErrorMessage(getTranslation("validation.required"));
            name.setInvalid(true);
            return;
        }
        name.setInvalid(false);
        try {
            PublishingService.Published published = publishing.publish(name.getValue().strip(),
                    new LinkedHashMap<>(received));
            List<String> outcomes = outcomes(published);
            Div done = new Div();
            done.setId("publish-done");
            outcomes.forEach(text -> done.add(new Paragraph(text)));
            outcome.add(done);
            boolean allListed = published.processes().stream().allMatch(process -> process.listing().listed());
            Notification.show(outcomes.get(0), 5000, Notification.Position.BOTTOM_END).addThemeVariants(
                    allListed ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_CONTRAST);
            received.clear();
            showFiles();
        } catch (UploadRefusedException e) {
            UnorderedList reasons = new UnorderedList();
            reasons.setId("publish-refused");
            e.reasons().forEach(reason -> reasons.add(new ListItem(
                    getTranslation(reason.messageKey(), reason.arguments().toArray()))));
            outcome.add(new Paragraph(getTranslation("publish.refused")), reasons);
        }
    }

    /**
     * "It is in the catalogue now" only for what is: the processes that are listed in one sentence, each other
     * one with the reason it is not.
     */
    private List<String> outcomes(PublishingService.Published published) {
        if (published.processes().isEmpty()) {
            return List.of(getTranslation("publish.unchanged"));
        }
        List<String> texts = new ArrayList<>();
        List<String> listed = published.processes().stream().filter(process -> process.listing().listed())
                .map(PublishingService.PublishedProcess::processKey).toList();
        if (!listed.isEmpty()) {
            texts.add(getTranslation("publish.done", String.join(", ", listed)));
        }
        for (PublishingService.PublishedProcess process : published.processes()) {
            CatalogListing listing = process.listing();
            switch (listing.state()) {
                case NO_CATEGORY -> texts.add(getTranslation("publish.done.no-category", process.processKey()));
                case NO_CANDIDATE_STARTERS -> texts.add(getTranslation("publish.done.no-candidate-starters",
                        process.processKey()));
                case NO_KNOWN_STARTERS -> texts.add(getTranslation("publish.done.no-known-starters",
                        process.processKey(), String.join(", ", listing.candidateStarters())));
                case LISTED -> { }
            }
        }
        return texts;
    }

    private void clear() {
        received.clear();
        upload.clearFileList();
        outcome.removeAll();
        showFiles();
    }

    private void showFiles() {
        files.removeAll();
        received.keySet().stream().sorted().forEach(file -> files.add(new ListItem(file)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("publish.title") + " | Loket";
    }
}
