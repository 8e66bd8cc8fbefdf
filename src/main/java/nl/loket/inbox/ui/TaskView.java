package nl.loket.inbox.ui;

import java.util.Map;
import java.util.Optional;

import nl.loket.ui.ClickActions;
import nl.loket.forms.ui.FormRenderer;
import nl.loket.inbox.InboxItem;
import nl.loket.inbox.InboxService;
import nl.loket.inbox.OwnRequestException;
import nl.loket.inbox.TaskFormService;
import nl.loket.inbox.TaskAlreadyTakenException;
import nl.loket.request.ui.CommentsPanel;
import nl.loket.request.ui.TimelineList;
import nl.loket.security.UserAccountService;
import nl.loket.inbox.TaskNotAvailableException;
import nl.loket.request.InvalidFormSubmissionException;
import nl.loket.workflow.FeelEvaluator;
import nl.loket.workflow.ProcessModelException;
import nl.loket.request.InvalidRequestException;
import nl.loket.security.Roles;
import nl.loket.request.ui.FactList;
import nl.loket.ui.Formats;
import nl.loket.ui.MainLayout;
import nl.loket.ui.ModelTexts;
import nl.loket.ui.PageHeading;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.RolesAllowed;

/** An approval task: the request's details, approve, or reject with a reason. */
@Route(value = "inbox/:taskId", layout = MainLayout.class)
@RolesAllowed({Roles.APPROVER, Roles.FULFILLER})
public class TaskView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final InboxService inbox;
    private final TaskFormService taskForms;
    private final FeelEvaluator feel;
    private String taskId;
    private String requestNumber;

    final Button approve = new Button();
    final Button reject = new Button();
    RejectDialog rejectDialog;

    FormRenderer form;
    final Button complete = new Button();
    TaskPlanning planning;
    private final UserAccountService users;
    CommentsPanel comments;

    public TaskView(InboxService inbox, TaskFormService taskForms, FeelEvaluator feel, UserAccountService users) {
        this.users = users;
        this.inbox = inbox;
        this.taskForms = taskForms;
        this.feel = feel;
        addClassName("loket-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new RouterLink(getTranslation("inbox.back"), InboxView.class));
        taskId = event.getRouteParameters().get("taskId").orElse("");
        try {
            show(inbox.open(taskId));
        } catch (TaskNotAvailableException | TaskAlreadyTakenException e) {
            Paragraph missing = new Paragraph(e instanceof TaskAlreadyTakenException taken
                    && taken.handledByName() != null ? getTranslation(taken.stillOpen() ? "inbox.taken-by"
                    : "inbox.already-handled-by", taken.handledByName())
                    : getTranslation("inbox.not-available"));
            missing.setId("task-not-available");
            add(new PageHeading(getTranslation(e instanceof TaskAlreadyTakenException ? "inbox.title"
                    : "error.not-found.title")), missing);
        }
    }

    private void show(InboxItem item) {
        requestNumber = item.request().number();
        PageHeading heading = new PageHeading(ModelTexts.activityName(this, item.request().type(), item.taskKey(), item.taskName()));
        heading.setId("task-heading");
        Paragraph meta = new Paragraph(item.request().number() + " · " + item.requesterName() + " · "
                + Formats.dateTime(item.request().createdAt(), getLocale()));
        meta.addClassNames(LumoUtility.TextColor.SECONDARY);
        planning = new TaskPlanning(inbox, item,
                () -> getUI().ifPresent(ui -> ui.navigate(InboxView.class)));
        Div details = new Div(new H2(getTranslation("request.details")), new FactList(item.facts()));
        details.addClassName("loket-card");
        Optional<TaskFormService.TaskForm> taskForm = taskForms.formOf(taskId);
        if (!taskForm.map(TaskFormService.TaskForm::isApproval).orElse(false)) {
            add(heading, meta, planning, details, completion(taskForm), conversation(item), timeline(item));
            return;
        }

        approve.setText(getTranslation("inbox.approve"));
        approve.setIcon(VaadinIcon.CHECK.create());
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        approve.setId("approve");
        ClickActions.set(approve, this::approve);
        reject.setText(getTranslation("inbox.reject"));
        reject.setIcon(VaadinIcon.CLOSE.create());
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        reject.setId("reject");
        rejectDialog = new RejectDialog(getTranslation("inbox.reject"), this::reject);
        ClickActions.set(reject, () -> rejectDialog.open());

        Div decision = new Div(new H2(getTranslation("inbox.decision")), new HorizontalLayout(approve, reject));
        decision.addClassName("loket-card");
        add(heading, meta, planning, details, decision, conversation(item), timeline(item));
    }

    private Div timeline(InboxItem item) {
        Div card = new Div(new H2(getTranslation("request.timeline")),
                new TimelineList(item.request().type(), inbox.timeline(taskId), users::displayName));
        card.addClassName("loket-card");
        return card;
    }

    /** The conversation with the requester: comment, or ask a question the requester must answer. */
    private CommentsPanel conversation(InboxItem item) {
        comments = new CommentsPanel(inbox.comments(taskId));
        if (inbox.waitingForRequester(taskId)) {
            Paragraph waiting = new Paragraph(getTranslation("comment.waiting-for-requester", item.requesterName()));
            waiting.setId("waiting-for-requester");
            waiting.getElement().getThemeList().add("badge warning");
            comments.addComponentAtIndex(1, waiting);
        }
        comments.withActions(
                comments.action("comment.add", "comment-send", false, text -> {
                    inbox.comment(taskId, text);
                    reload("comment.added");
                }),
                comments.action("comment.ask", "comment-ask", false, text -> {
                    inbox.askRequester(taskId, text);
                    reload("comment.asked");
                }));
        return comments;
    }

    private void reload(String messageKey) {
        Notification.show(getTranslation(messageKey), 3000, Notification.Position.BOTTOM_END)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        getUI().ifPresent(ui -> ui.navigate(TaskView.class, new RouteParameters("taskId", taskId)));
    }

    /** A task that is not an approval: its form (if any) and a button to complete it. */
    private Div completion(Optional<TaskFormService.TaskForm> taskForm) {
        Div card = new Div(new H2(getTranslation("inbox.your-part")));
        card.addClassName("loket-card");
        taskForm.ifPresent(task -> {
            form = new FormRenderer(task.schema(), feel, task.variables(), Formats.zone());
            form.addSubmitListener(this::completeTask);
            card.add(form);
        });
        if (form != null && form.hasOwnSubmitButton()) {
            return card;
        }
        complete.setText(getTranslation("inbox.complete"));
        complete.setIcon(VaadinIcon.CHECK.create());
        complete.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        complete.setId("complete");
        ClickActions.set(complete, this::completeTask);
        card.add(complete);
        return card;
    }

    void completeTask() {
        try {
            taskForms.complete(taskId, form == null ? Map.of() : form.values());
            done("inbox.completed");
        } catch (InvalidFormSubmissionException e) {
            if (form != null) {
                form.showErrors(e.errors());
            }
        } catch (TaskNotAvailableException | OwnRequestException | TaskAlreadyTakenException e) {
            refused(e);
        } catch (ProcessModelException e) {
            modelFailed();
        }
    }

    /** The model fails on what follows this step: nothing was saved, the user may try again once it is fixed. */
    private void modelFailed() {
        Notification.show(getTranslation("inbox.step-failed"), 8000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    void approve() {
        decide(() -> inbox.approve(taskId), "inbox.approved");
    }

    void reject(String reason) {
        try {
            inbox.reject(taskId, reason);
            rejectDialog.close();
            done("inbox.rejected");
        } catch (InvalidRequestException e) {
            rejectDialog.refuse(getTranslation(e.fieldErrors().get(InboxService.FIELD_REASON)));
        } catch (TaskNotAvailableException | OwnRequestException | TaskAlreadyTakenException e) {
            rejectDialog.close();
            refused(e);
        } catch (ProcessModelException e) {
            rejectDialog.close();
            modelFailed();
        }
    }

    private void decide(Runnable decision, String doneKey) {
        try {
            decision.run();
            done(doneKey);
        } catch (TaskNotAvailableException | OwnRequestException | TaskAlreadyTakenException e) {
            refused(e);
        } catch (ProcessModelException e) {
            modelFailed();
        }
    }

    private void done(String messageKey) {
        Notification.show(getTranslation(messageKey, requestNumber), 5000, Notification.Position.BOTTOM_END)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        getUI().ifPresent(ui -> ui.navigate(InboxView.class));
    }

    private void refused(RuntimeException e) {
        String message = e instanceof OwnRequestException ? getTranslation("inbox.own-request")
                : e instanceof TaskAlreadyTakenException taken ? (taken.handledByName() == null
                        ? getTranslation("inbox.already-handled")
                        : getTranslation(taken.stillOpen() ? "inbox.taken-by" : "inbox.already-handled-by",
                                taken.handledByName()))
                : getTranslation("inbox.not-available");
        Notification.show(message, 6000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("inbox.title") + " | Loket";
    }
}
