package nl.loket.inbox.ui;

import java.util.function.Consumer;

import nl.loket.inbox.ApprovalOutcome;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;

/** Asks for the reason of a rejection (one task or several) and hands it to {@code reject}. */
class RejectDialog extends Dialog {

    final TextArea reason = new TextArea();
    final Button confirm = new Button();

    RejectDialog(String title, Consumer<String> reject) {
        setHeaderTitle(title);
        reason.setLabel(getTranslation("inbox.reject.reason"));
        reason.setHelperText(getTranslation("inbox.reject.reason.helper"));
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(ApprovalOutcome.REASON_MAX_LENGTH);
        reason.setWidth("30em");
        reason.setId("reject-reason");
        add(reason);
        confirm.setText(getTranslation("inbox.reject.confirm"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setId("confirm-reject");
        confirm.addClickListener(e -> reject.accept(reason.getValue()));
        getFooter().add(new Button(getTranslation("inbox.reject.cancel"), e -> close()), confirm);
    }

    /** Shows the server's message for the reason. */
    void refuse(String message) {
        reason.setErrorMessage(message);
        reason.setInvalid(true);
    }
}
