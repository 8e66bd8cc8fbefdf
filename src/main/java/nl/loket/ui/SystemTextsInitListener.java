package nl.loket.ui;

import java.util.Locale;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Vaadin's own messages outside any view in the user's language: the banner when the connection to the server is
 * lost, and the notices for an internal error or switched-off cookies (English otherwise; an expired session
 * simply goes back to the login page). The connection message is announced to screen readers.
 * The connection texts are set per page by {@link LanguageInitListener}, once it has chosen the page's language.
 */
@Component
class SystemTextsInitListener implements VaadinServiceInitListener {

    private static final LoketI18NProvider TEXTS = new LoketI18NProvider();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().setSystemMessagesProvider(info -> messages(info.getLocale()));
        event.getSource().addUIInitListener(init -> announceConnectionStatus(init.getUI()));
    }

    /**
     * Vaadin's connection indicator (its "connection lost" message) is a live status for screen readers, and so
     * no content outside the page's landmarks (axe-core's "region" rule).
     */
    static void announceConnectionStatus(UI ui) {
        ui.getPage().executeJs("""
                const mark = () => {
                  const indicator = document.querySelector('vaadin-connection-indicator');
                  if (indicator) { indicator.setAttribute('role', 'status'); }
                  return indicator;
                };
                if (!mark()) { customElements.whenDefined('vaadin-connection-indicator').then(() => setTimeout(mark)); }
                """);
    }

    static CustomizedSystemMessages messages(Locale locale) {
        CustomizedSystemMessages messages = new CustomizedSystemMessages();
        messages.setInternalErrorCaption(text("vaadin.system.internal-error.caption", locale));
        messages.setInternalErrorMessage(text("vaadin.system.internal-error.message", locale));
        messages.setCookiesDisabledCaption(text("vaadin.system.cookies.caption", locale));
        messages.setCookiesDisabledMessage(text("vaadin.system.cookies.message", locale));
        return messages;
    }

    static void reconnectTexts(UI ui) {
        Locale locale = ui.getLocale();
        ui.getReconnectDialogConfiguration().setDialogText(text("vaadin.system.reconnecting", locale));
        ui.getReconnectDialogConfiguration().setDialogTextGaveUp(text("vaadin.system.reconnect-gave-up", locale));
    }

    private static String text(String key, Locale locale) {
        return TEXTS.getTranslation(key, locale);
    }
}
