package nl.loket.notification.ui;

import java.util.List;

import nl.loket.notification.MailLog;
import nl.loket.security.Roles;
import nl.loket.ui.Formats;
import nl.loket.ui.MainLayout;
import nl.loket.ui.PageHeading;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.RolesAllowed;

/** For process admins: every e-mail Loket wrote, with its status; click a row to read it. */
@Route(value = "admin/mail", layout = MainLayout.class)
@Menu(title = "nav.mail", order = 21, icon = "vaadin:envelopes-o")
@RolesAllowed(Roles.PROCESS_ADMIN)
public class MailOutboxView extends VerticalLayout implements HasDynamicTitle {

    final Grid<MailLog.Mail> grid = new Grid<>(MailLog.Mail.class, false);

    public MailOutboxView(MailLog mail) {
        addClassName("loket-page");
        Paragraph intro = new Paragraph(getTranslation("mail.intro"));
        intro.addClassNames(LumoUtility.TextColor.SECONDARY);
        grid.addColumn(m -> Formats.dateTime(m.created(), getLocale())).setHeader(getTranslation("mail.created"))
                .setWidth("11rem").setFlexGrow(0);
        grid.addColumn(MailLog.Mail::address).setHeader(getTranslation("mail.to")).setFlexGrow(1);
        grid.addColumn(MailLog.Mail::subject).setHeader(getTranslation("mail.subject")).setFlexGrow(3);
        grid.addColumn(m -> getTranslation("mail.status." + m.status())).setHeader(getTranslation("mail.status"))
                .setWidth("11rem").setFlexGrow(0);
        grid.addColumn(MailLog.Mail::attempts).setHeader(getTranslation("mail.attempts")).setWidth("7rem")
                .setFlexGrow(0);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(m -> {
            Pre body = new Pre(m.body() + (m.lastError() == null ? "" : "\n\n" + m.lastError()));
            body.getStyle().set("white-space", "pre-wrap");
            return body;
        }));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setId("mail-outbox");
        List<MailLog.Mail> recent = mail.recent();
        grid.setItems(recent);
        Paragraph empty = new Paragraph(getTranslation("mail.empty"));
        empty.setVisible(recent.isEmpty());
        add(new PageHeading(getTranslation("mail.title")), intro, empty, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mail.title") + " | Loket";
    }
}
