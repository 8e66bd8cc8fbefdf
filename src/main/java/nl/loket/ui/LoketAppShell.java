package nl.loket.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.AppShellSettings;

/** Page-level settings. Styling is Lumo plus one plain stylesheet: no frontend build is needed. */
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class LoketAppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Loket");
        settings.addLink("stylesheet", "styles/loket.css");
        settings.addFavIcon("icon", "icons/favicon.svg", "any");
        settings.addFavIcon("icon", "icons/favicon.png", "32x32");
    }
}
