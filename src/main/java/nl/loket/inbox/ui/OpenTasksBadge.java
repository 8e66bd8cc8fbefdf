package nl.loket.inbox.ui;

import nl.loket.inbox.InboxService;
import nl.loket.ui.NavigationBadge;
import org.springframework.stereotype.Component;

/** The number of open tasks next to "Inbox". */
@Component
class OpenTasksBadge implements NavigationBadge {

    private final InboxService inbox;

    OpenTasksBadge(InboxService inbox) {
        this.inbox = inbox;
    }

    @Override
    public String path() {
        return InboxView.PATH;
    }

    @Override
    public int count() {
        return inbox.myTaskCount();
    }
}
