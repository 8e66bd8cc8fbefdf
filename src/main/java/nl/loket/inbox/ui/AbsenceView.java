package nl.loket.inbox.ui;

import nl.loket.ui.LocalizedFields;
import nl.loket.inbox.Substitutions;
import nl.loket.request.InvalidRequestException;
import nl.loket.security.Roles;
import nl.loket.security.UserAccount;
import nl.loket.ui.Formats;
import nl.loket.ui.MainLayout;
import nl.loket.ui.PageHeading;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.RolesAllowed;

/** Out of office: a period and a substitute who sees the user's tasks meanwhile. */
@Route(value = "absence", layout = MainLayout.class)
@Menu(title = "nav.absence", order = 5, icon = "vaadin:airplane")
@RolesAllowed({Roles.APPROVER, Roles.FULFILLER})
public class AbsenceView extends VerticalLayout implements HasDynamicTitle {

    final Paragraph current = new Paragraph();
    final ComboBox<UserAccount> substitute = new ComboBox<>();
    final DatePicker from = LocalizedFields.datePicker();
    final DatePicker until = LocalizedFields.datePicker();
    final Button save = new Button();
    final Button clear = new Button();
    private final Substitutions substitutions;

    public AbsenceView(Substitutions substitutions) {
        this.substitutions = substitutions;
        addClassName("loket-page");
        Paragraph intro = new Paragraph(getTranslation("absence.intro"));
        intro.addClassNames(LumoUtility.TextColor.SECONDARY);
        current.setId("absence-current");

        substitute.setLabel(getTranslation("absence.substitute"));
        substitute.setItems(substitutions.candidates());
        substitute.setItemLabelGenerator(UserAccount::displayName);
        substitute.setId("absence-substitute");
        substitute.setWidth("18em");
        from.setLabel(getTranslation("absence.from"));
        from.setId("absence-from");
        until.setLabel(getTranslation("absence.until"));
        until.setId("absence-until");
        save.setText(getTranslation("absence.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("absence-save");
        save.addClickListener(e -> save());
        clear.setText(getTranslation("absence.clear"));
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        clear.setId("absence-clear");
        clear.addClickListener(e -> clear());
        HorizontalLayout fields = new HorizontalLayout(substitute, from, until);
        fields.setWrap(true);
        HorizontalLayout buttons = new HorizontalLayout(save, clear);
        buttons.setAlignItems(FlexComponent.Alignment.CENTER);
        Div card = new Div(current, fields, buttons);
        card.addClassName("loket-card");
        add(new PageHeading(getTranslation("absence.title")), intro, card);
        show();
    }

    private void show() {
        substitutions.mine().ifPresentOrElse(absence -> {
            current.setText(getTranslation("absence.current", absence.substituteName(),
                    Formats.date(absence.startsOn(), getLocale()), Formats.date(absence.endsOn(), getLocale())));
            substitute.getListDataView().getItems().filter(u -> u.username().equals(absence.substitute())).findFirst()
                    .ifPresent(substitute::setValue);
            from.setValue(absence.startsOn());
            until.setValue(absence.endsOn());
            clear.setVisible(true);
        }, () -> {
            current.setText(getTranslation("absence.none"));
            clear.setVisible(false);
        });
    }

    void save() {
        substitute.setInvalid(false);
        until.setInvalid(false);
        try {
            substitutions.setAbsence(substitute.getValue() == null ? null : substitute.getValue().username(),
                    from.getValue(), until.getValue());
            Notification.show(getTranslation("absence.saved"), 4000, Notification.Position.BOTTOM_END)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            show();
        } catch (InvalidRequestException e) {
            if (e.fieldErrors().containsKey(Substitutions.FIELD_SUBSTITUTE)) {
                substitute.setErrorMessage(getTranslation(e.fieldErrors().get(Substitutions.FIELD_SUBSTITUTE)));
                substitute.setInvalid(true);
            }
            if (e.fieldErrors().containsKey(Substitutions.FIELD_PERIOD)) {
                until.setErrorMessage(getTranslation(e.fieldErrors().get(Substitutions.FIELD_PERIOD)));
                until.setInvalid(true);
            }
        }
    }

    void clear() {
        substitutions.clearAbsence();
        substitute.clear();
        from.clear();
        until.clear();
        show();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("absence.title") + " | Loket";
    }
}
