package nl.loket.ui;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Whether the login page shows the demo logins: only when demo data is on. */
@Component
public class DemoLoginHint {

    private final boolean shown;

    DemoLoginHint(@Value("${loket.demo-data.enabled:false}") boolean shown) {
        this.shown = shown;
    }

    public boolean isShown() {
        return shown;
    }
}
