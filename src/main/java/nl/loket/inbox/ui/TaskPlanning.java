package nl.loket.inbox.ui;

import nl.loket.ui.LocalizedFields;
import java.time.LocalDate;

import nl.loket.ui.ClickActions;
import nl.loket.ui.Formats;
import nl.loket.inbox.InboxItem;
import nl.loket.inbox.InboxService;
import nl.loket.inbox.OwnRequestException;
import nl.loket.inbox.TaskAlreadyTakenException;
import nl.loket.inbox.TaskNotAvailableException;
import nl.loket.request.InvalidRequestException;
import nl.loket.security.UserAccount;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** On a task: its due date, and handing it over to a colleague. */
class TaskPlanning extends HorizontalLayout {


    final DatePicker due = LocalizedFields.datePicker();
    final DatePicker followUp = LocalizedFields.datePicker();
    final Button handOver = new Button();
    final ComboBox<UserAccount> colleague = new ComboBox<>();
    final Button confirmHandOver = new Button();

    private final InboxService inbox;
    private final String taskId;
    private final Runnable afterHandOver;

    TaskPlanning(InboxService inbox, InboxItem item, Runnable afterHandOver) {
        this.inbox = inbox;
        this.taskId = item.taskId();
        this.afterHandOver = afterHandOver;
        setAlignItems(FlexComponent.Alignment.BASELINE);

        due.setLabel(getTranslation("inbox.due"));
        due.setClearButtonVisible(true);
        due.setId("task-due");
        if (item.due() != null) {
            due.setValue(item.due().atZone(Formats.zone()).toLocalDate());
        }
        followUp.setLabel(getTranslation("inbox.follow-up"));
        followUp.setHelperText(getTranslation("inbox.follow-up.helper"));
        followUp.setClearButtonVisible(true);
        followUp.setId("task-follow-up");
        if (item.followUp() != null) {
            followUp.setValue(item.followUp().atZone(Formats.zone()).toLocalDate());
        }
        due.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                save();
            }
        });
        followUp.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                save();
            }
        });

        handOver.setText(getTranslation("inbox.reassign"));
        handOver.setIcon(VaadinIcon.EXCHANGE.create());
        handOver.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        handOver.setId("hand-over");
        handOver.addClickListener(e -> dialog().open());
        add(due, followUp, handOver);
    }

    /** Both dates together: the engine stores them as one update. */
    void save() {
        try {
            inbox.plan(taskId, endOfWorkingDay(due.getValue()), startOfDay(followUp.getValue()));
            Notification.show(getTranslation("inbox.due.saved"), 2500, Notification.Position.BOTTOM_END);
        } catch (TaskNotAvailableException | TaskAlreadyTakenException | OwnRequestException e) {
            Notification.show(getTranslation("inbox.not-available"), 5000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private static java.time.Instant endOfWorkingDay(LocalDate day) {
        return day == null ? null : day.atTime(17, 0).atZone(Formats.zone()).toInstant();
    }

    private static java.time.Instant startOfDay(LocalDate day) {
        return day == null ? null : day.atStartOfDay(Formats.zone()).toInstant();
    }

    private Dialog dialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("inbox.reassign"));
        colleague.setLabel(getTranslation("inbox.reassign.to"));
        colleague.setItems(inbox.reassignCandidates(taskId));
        colleague.setItemLabelGenerator(UserAccount::displayName);
        colleague.setWidth("22em");
        colleague.setId("hand-over-to");
        dialog.add(colleague);
        confirmHandOver.setText(getTranslation("inbox.reassign.confirm"));
        confirmHandOver.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirmHandOver.setId("confirm-hand-over");
        ClickActions.set(confirmHandOver, () -> handOver(dialog));
        dialog.getFooter().add(new Button(getTranslation("inbox.reject.cancel"), e -> dialog.close()), confirmHandOver);
        return dialog;
    }

    void handOver(Dialog dialog) {
        if (colleague.getValue() == null) {
            colleague.setErrorMessage(getTranslation("validation.required"));
            colleague.setInvalid(true);
            return;
        }
        try {
            inbox.reassign(taskId, colleague.getValue().username());
            dialog.close();
            Notification.show(getTranslation("inbox.reassigned", colleague.getValue().displayName()), 4000,
                    Notification.Position.BOTTOM_END).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            afterHandOver.run();
        } catch (InvalidRequestException | OwnRequestException e) {
            colleague.setErrorMessage(getTranslation("inbox.reassign.not-allowed"));
            colleague.setInvalid(true);
        } catch (TaskNotAvailableException | TaskAlreadyTakenException e) {
            dialog.close();
            Notification.show(getTranslation("inbox.not-available"), 5000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
