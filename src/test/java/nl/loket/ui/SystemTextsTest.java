package nl.loket.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.CustomizedSystemMessages;

class SystemTextsTest {

    @Test
    void vaadins_own_notices_are_in_the_users_language() {
        CustomizedSystemMessages dutch = SystemTextsInitListener.messages(LoketI18NProvider.DUTCH);
        assertThat(dutch.getInternalErrorCaption()).isEqualTo("Er ging iets mis");
        assertThat(dutch.getCookiesDisabledMessage()).contains("cookies");
        assertThat(SystemTextsInitListener.messages(Locale.ENGLISH).getInternalErrorCaption())
                .isEqualTo("Something went wrong");
    }

    @Test
    void the_connection_lost_banner_is_in_the_pages_language() {
        UI ui = new UI();
        ui.setLocale(LoketI18NProvider.DUTCH);
        SystemTextsInitListener.reconnectTexts(ui);
        assertThat(ui.getReconnectDialogConfiguration().getDialogText()).startsWith("De verbinding met Loket is verbroken");
        ui.setLocale(Locale.ENGLISH);
        SystemTextsInitListener.reconnectTexts(ui);
        assertThat(ui.getReconnectDialogConfiguration().getDialogTextGaveUp()).startsWith("The connection to Loket was lost");
    }
}
