package nl.loket.request.ui;

import java.time.Clock;

import nl.loket.ui.ClickActions;
import nl.loket.request.InvalidRequestException;
import nl.loket.request.ExpectedReady;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.RouteParameters;
import nl.loket.catalog.CatalogService;
import nl.loket.request.RequestDetail;
import nl.loket.request.RequestService;
import nl.loket.security.UserAccountService;
import nl.loket.ui.Formats;
import nl.loket.ui.MainLayout;
import nl.loket.ui.PageHeading;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.PermitAll;

/** One of the user's own requests: details, outcome and the timeline from the engine's history. */
@Route(value = "requests/:number", layout = MainLayout.class)
@PermitAll
public class RequestDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle,
        nl.loket.ui.LiveView {

    private final RequestService requests;
    private final UserAccountService users;
    private final CatalogService catalog;
    private String title = "Loket";
    private String number;
    /** The request's mark when it was shown: its status or its conversation changing elsewhere changes it. */
    private java.util.Optional<nl.loket.request.ChangeMark> shownMark = java.util.Optional.empty();
    private Dialog openDialog;

    final Button withdraw = new Button();
    CommentsPanel comments;
    final Button confirmWithdraw = new Button();
    final TextArea withdrawReason = new TextArea();
    private final Clock clock;

    public RequestDetailView(RequestService requests, UserAccountService users, CatalogService catalog, Clock clock) {
        this.clock = clock;
        this.catalog = catalog;
        this.requests = requests;
        this.users = users;
        addClassName("loket-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        number = event.getRouteParameters().get("number").orElse("");
        showRequest();
    }

    /**
     * Shown again when the status or the conversation changed elsewhere (another node, the job executor, the
     * approver's question), unless the user is writing a comment or withdrawing.
     */
    @Override
    public void refreshIfChanged() {
        boolean busy = (comments != null && !comments.text.getValue().isBlank())
                || (openDialog != null && openDialog.isOpened());
        if (!busy && number != null && !requests.myRequestMark(number).equals(shownMark)) {
            showRequest();
        }
    }

    private void showRequest() {
        removeAll();
        comments = null;
        add(new RouterLink(getTranslation("request.back"), MyRequestsView.class));
        shownMark = requests.myRequestMark(number);
        requests.myRequest(number).ifPresentOrElse(this::show, () -> {
            Paragraph notFound = new Paragraph(getTranslation("request.not-found"));
            notFound.setId("request-not-found");
            // the same for a request that is not there and one that is someone else's: nothing is given away
            add(new PageHeading(getTranslation("error.not-found.title")), notFound);
        });
    }

    private void show(RequestDetail detail) {
        var request = detail.request();
        title = request.number() + " | Loket";
        PageHeading heading = new PageHeading(request.number() + " · " + request.summary());
        heading.setId("request-heading");
        StatusBadge status = new StatusBadge(request.status());
        status.setId("request-status");
        HorizontalLayout head = new HorizontalLayout(heading, status);
        head.setAlignItems(FlexComponent.Alignment.CENTER);

        Div facts = new Div();
        facts.addClassName("loket-card");
        Paragraph meta = new Paragraph(catalog.typeName(request.type(), getLocale()) + " · "
                + getTranslation("request.submitted") + " " + Formats.dateTime(request.createdAt(), getLocale()));
        meta.addClassNames(LumoUtility.TextColor.SECONDARY);
        facts.add(new H2(getTranslation("request.details")), meta, new FactList(detail.facts()));
        if (request.outcomeReason() != null) {
            Paragraph reason = new Paragraph(getTranslation("request.outcome-reason") + ": " + request.outcomeReason());
            reason.setId("outcome-reason");
            facts.add(reason);
        }

        Div timeline = new Div(new H2(getTranslation("request.timeline")),
                new TimelineList(request.type(), detail.timeline(), users::displayName));
        timeline.addClassName("loket-card");
        add(head);
        if (!request.status().isClosed()) {
            Paragraph now = new Paragraph(detail.questionOpen() ? getTranslation("request.step.waiting-for-you")
                    : StepTexts.describe(this, request, detail.currentSteps(), clock));
            now.setId("current-step");
            now.addClassNames(LumoUtility.FontWeight.MEDIUM);
            withdraw.setText(getTranslation("request.withdraw"));
            withdraw.setIcon(VaadinIcon.CLOSE_CIRCLE_O.create());
            withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            withdraw.setId("withdraw");
            ClickActions.set(withdraw, () -> {
                openDialog = withdrawDialog(request.number());
                openDialog.open();
            });
            Div stand = new Div(now);
            expected(detail).ifPresent(stand::add);
            HorizontalLayout standing = new HorizontalLayout(stand, withdraw);
            standing.setAlignItems(FlexComponent.Alignment.CENTER);
            standing.setWidthFull();
            standing.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
            add(standing);
        }
        add(facts, conversation(detail), timeline);
    }

    /**
     * When an open request is expected to be ready (see {@link ExpectedReady}); once that has passed, that it takes
     * longer than usual (never a date in the past).
     */
    private java.util.Optional<Paragraph> expected(RequestDetail detail) {
        nl.loket.request.Request request = detail.request();
        return ExpectedReady.of(request.createdAt(), catalog.expectedFulfilment(request.type()), detail.currentSteps())
                .map(expectation -> {
                    Paragraph expected = new Paragraph(!expectation.isLate(clock.instant())
                            ? getTranslation("request.expected", Formats.dateTime(expectation.by(), getLocale()))
                            : expectation.usual().map(usual -> getTranslation("request.expected.late", usualText(usual)))
                            .orElseGet(() -> getTranslation("request.expected.overdue")));
                    expected.setId("expected");
                    expected.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL,
                            LumoUtility.Margin.NONE);
                    return expected;
                });
    }

    private String usualText(java.time.Duration usual) {
        return usual.toDays() >= 1 ? getTranslation("duration.days", usual.toDays())
                : getTranslation("duration.hours", Math.max(1, usual.toHours()));
    }

    /** The conversation; an open question is asked first and answered from here. */
    private CommentsPanel conversation(RequestDetail detail) {
        comments = new CommentsPanel(detail.comments());
        String number = detail.request().number();
        if (detail.request().status().isClosed()) {
            return comments;
        }
        if (detail.questionOpen()) {
            Paragraph question = new Paragraph(getTranslation("comment.question-open"));
            question.setId("question-open");
            question.getElement().getThemeList().add("badge warning");
            comments.addComponentAtIndex(1, question);
            comments.text.setLabel(getTranslation("comment.answer.label"));
        }
        comments.withActions(comments.action(detail.questionOpen() ? "comment.answer" : "comment.add",
                "comment-send", true, text -> {
                    requests.comment(number, text);
                    Notification.show(getTranslation(detail.questionOpen() ? "comment.answered" : "comment.added"),
                            3000, Notification.Position.BOTTOM_END).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    getUI().ifPresent(ui -> ui.navigate(RequestDetailView.class, new RouteParameters("number", number)));
                }));
        return comments;
    }

    /** Asks for confirmation and an optional reason, then withdraws on the server. */
    Dialog withdrawDialog(String number) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("request.withdraw.title", number));
        withdrawReason.setLabel(getTranslation("request.withdraw.reason"));
        withdrawReason.setMaxLength(RequestService.REASON_MAX_LENGTH);
        withdrawReason.setWidth("28em");
        withdrawReason.setId("withdraw-reason");
        Paragraph explanation = new Paragraph(getTranslation("request.withdraw.explanation"));
        dialog.add(explanation, withdrawReason);
        confirmWithdraw.setText(getTranslation("request.withdraw.confirm"));
        confirmWithdraw.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirmWithdraw.setId("confirm-withdraw");
        ClickActions.set(confirmWithdraw, () -> confirmWithdraw(number, dialog));
        Button keep = new Button(getTranslation("request.withdraw.cancel"), e -> dialog.close());
        dialog.getFooter().add(keep, confirmWithdraw);
        return dialog;
    }

    void confirmWithdraw(String number, Dialog dialog) {
        try {
            requests.withdraw(number, withdrawReason.getValue());
            dialog.close();
            Notification.show(getTranslation("request.withdrawn", number), 5000, Notification.Position.BOTTOM_END)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(RequestDetailView.class, new RouteParameters("number", number)));
        } catch (InvalidRequestException e) {
            String key = e.fieldErrors().values().iterator().next();
            if (e.fieldErrors().containsKey(RequestService.FIELD_REASON)) {
                withdrawReason.setErrorMessage(getTranslation(key));
                withdrawReason.setInvalid(true);
            } else {
                dialog.close();
                Notification.show(getTranslation(key), 6000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
