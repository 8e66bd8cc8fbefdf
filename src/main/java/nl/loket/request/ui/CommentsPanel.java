package nl.loket.request.ui;

import java.util.List;
import java.util.function.Consumer;

import nl.loket.request.Comment;
import nl.loket.request.InvalidRequestException;
import nl.loket.request.RequestComments;
import nl.loket.ui.Formats;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The conversation on a request: comments, questions to the requester and their answers, oldest first, and a box
 * to write. The buttons (comment, ask, answer) are the caller's, each with what it does with the text.
 */
public class CommentsPanel extends Div {

    public final TextArea text = new TextArea();

    public CommentsPanel(List<Comment> comments) {
        addClassName("loket-card");
        setId("comments");
        add(new H2(getTranslation("comment.title")));
        if (comments.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("comment.none"));
            none.addClassNames(LumoUtility.TextColor.SECONDARY);
            add(none);
        }
        comments.forEach(comment -> add(entry(comment)));
        text.setWidthFull();
        text.setMaxLength(RequestComments.MAX_LENGTH);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.addValueChangeListener(e -> text.setInvalid(false));
        text.setId("comment-text");
        // a visible label, not only a placeholder: it stays while typing and names the box for screen readers
        text.setLabel(getTranslation("comment.label"));
    }

    /** Adds the writing box with these buttons under the conversation. */
    public void withActions(Button... actions) {
        HorizontalLayout buttons = new HorizontalLayout(actions);
        add(text, buttons);
    }

    /** A button that hands the text to {@code send}; field errors appear at the box. */
    public Button action(String labelKey, String id, boolean primary, Consumer<String> send) {
        Button button = new Button(getTranslation(labelKey));
        button.setId(id);
        if (primary) {
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        button.addClickListener(e -> {
            try {
                send.accept(text.getValue());
            } catch (InvalidRequestException refused) {
                text.setErrorMessage(getTranslation(refused.fieldErrors().values().iterator().next()));
                text.setInvalid(true);
            }
        });
        return button;
    }

    private Div entry(Comment comment) {
        Span who = new Span(comment.authorName());
        who.addClassNames(LumoUtility.FontWeight.MEDIUM);
        Span when = new Span(" · " + Formats.dateTime(comment.created(), getLocale()));
        when.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        Div head = new Div(who, when);
        if (comment.kind() != Comment.Kind.COMMENT) {
            Span kind = new Span(getTranslation("comment.kind." + comment.kind().name().toLowerCase()));
            kind.getElement().getThemeList().add(comment.kind() == Comment.Kind.QUESTION ? "badge warning" : "badge success");
            kind.getStyle().set("margin-left", "0.5em");
            head.add(kind);
        }
        Paragraph body = new Paragraph(comment.body());
        body.getStyle().set("white-space", "pre-wrap").set("margin-top", "0.25em");
        Div entry = new Div(head, body);
        entry.addClassName("loket-comment");
        return entry;
    }
}
