package nl.loket.ui;

import java.util.List;
import java.util.Optional;

import nl.loket.security.CurrentUser;
import nl.loket.security.Roles;
import nl.loket.security.UserAccountService;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.PermitAll;

/**
 * The frame around every view. The navigation lists the views marked with {@code @Menu} that the user's roles
 * allow (Vaadin checks their access annotations), so the layout knows no feature.
 * <p>
 * For keyboard and screen-reader users (docs/accessibility.md): the header, the menu and the page are landmarks; a
 * "skip to content" link is the first Tab stop; and after each navigation the focus moves to the new page's
 * {@link PageHeading}, as a full page load would start a screen reader at the top of the new page.
 */
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MainLayout.class);

    static final String COCKPIT_URL = "/camunda/app/cockpit/default/";
    static final String NOTIFICATIONS_PATH = "notifications";
    static final String MAIN_ID = "main-content";

    /** Focuses the page's heading (or else the page itself), scrolled into view: the skip link's target. */
    private static final String FOCUS_PAGE = """
            const target = document.querySelector('main h1') || document.getElementById('%s');
            if (target) { target.focus(); }
            """.formatted(MAIN_ID);

    private final List<NavigationBadge> badges;
    private final List<LayoutBanner> layoutBanners;
    private final LiveRefresh liveRefresh;
    private final LiveRefresh.Activity activity = new LiveRefresh.Activity();
    /** The counts shown, by path: a poll redraws a badge only when its count changed. */
    private final java.util.Map<String, Integer> shownCounts = new java.util.HashMap<>();
    private com.vaadin.flow.shared.Registration polling;
    final Div banners = new Div();

    final SideNav nav = new SideNav();
    final Span unreadCount = new Span();
    final Button bell = new Button(VaadinIcon.BELL.create());
    final HeaderSearch search = new HeaderSearch();
    final Anchor skipLink = new Anchor("#" + MAIN_ID);
    /** The path shown last; the focus moves to the heading only when the page changes, not on its first load. */
    private String shownPath;

    public MainLayout(AuthenticationContext authentication, CurrentUser currentUser, UserAccountService users,
                      List<NavigationBadge> badges, List<LayoutBanner> layoutBanners, LiveRefresh liveRefresh) {
        this.badges = badges;
        this.liveRefresh = liveRefresh;
        this.layoutBanners = layoutBanners;
        banners.setId("banners");
        banners.setWidthFull();
        setPrimarySection(Section.DRAWER);
        addToNavbar(true, header(authentication, currentUser, users));
        addToDrawer(drawer(currentUser));
        // e-mail follows the language the portal is shown in, also when the browser chose it
        addAttachListener(event -> {
            java.util.Locale shown = event.getUI().getLocale();
            String me = currentUser.username();
            if (shown != null && !shown.getLanguage().equals(users.language(me).getLanguage())) {
                users.followLanguage(me, shown);
            }
        });
        followChangesMadeElsewhere();
    }

    /**
     * The bell, the menu's counts and a {@link LiveView} follow what other nodes and the job executor change: the
     * page polls while it is shown and used (LiveRefresh). A click or a key anywhere counts as use; at most one such
     * event a minute goes to the server.
     */
    private void followChangesMadeElsewhere() {
        addAttachListener(event -> {
            UI ui = event.getUI();
            liveRefresh.active(ui, activity);
            polling = ui.addPollListener(poll -> {
                if (!liveRefresh.stillWatched(ui, activity)) {
                    return;
                }
                try {
                    refreshCounts();
                    refreshView();
                } catch (org.springframework.dao.DataAccessException e) {
                    // the database is away for a moment: the page keeps what it shows and tries again next time
                    log.warn("Could not refresh the page's counts: {}", e.getMessage());
                }
            });
        });
        addDetachListener(event -> {
            if (polling != null) {
                polling.remove();
                polling = null;
            }
            liveRefresh.stop(event.getUI());
        });
        for (String use : List.of("click", "keydown")) {
            getElement().addEventListener(use, e -> getUI().ifPresent(ui -> liveRefresh.active(ui, activity)))
                    .throttle(60_000);
        }
    }

    private void refreshView() {
        getContent().getChildren().reduce((first, second) -> second)
                .filter(LiveView.class::isInstance).map(LiveView.class::cast)
                .ifPresent(LiveView::refreshIfChanged);
    }

    private Component header(AuthenticationContext authentication, CurrentUser currentUser, UserAccountService users) {
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        bell.setAriaLabel(getTranslation("nav.notifications"));
        bell.setId("notification-bell");
        bell.getStyle().set("position", "relative");
        bell.addClickListener(e -> bell.getUI().ifPresent(ui -> ui.navigate(NOTIFICATIONS_PATH)));
        unreadCount.addClassName("loket-bell-count");
        unreadCount.setId("unread-count");
        bell.getElement().appendChild(unreadCount.getElement());

        Span name = new Span(users.displayName(currentUser.username()));
        name.addClassNames(LumoUtility.FontWeight.MEDIUM, "loket-header-name");
        name.setId("current-user");
        Button logout = new Button(getTranslation("nav.logout"), VaadinIcon.SIGN_OUT.create(),
                e -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("logout");
        // on a phone the text gives way to the icon; the name stays for screen readers
        logout.setAriaLabel(getTranslation("nav.logout"));
        logout.addClassName("loket-logout");

        HorizontalLayout right = new HorizontalLayout(search, bell, new LanguageSwitcher(locale -> users.changeLanguage(currentUser.username(), locale)), name, logout);
        right.addClassName("loket-header-actions");
        right.setAlignItems(FlexComponent.Alignment.CENTER);
        right.getStyle().set("margin-left", "auto").set("margin-right", "var(--lumo-space-m)");
        DrawerToggle menu = new DrawerToggle();
        menu.setAriaLabel(getTranslation("nav.menu"));
        Header header = new Header(skipLink(), menu, right);
        header.addClassName("loket-header");
        return header;
    }

    /** Visible only while it has the focus; the browser's jump to the anchor is replaced by a move of the focus. */
    private Anchor skipLink() {
        skipLink.setText(getTranslation("nav.skip-to-content"));
        skipLink.setId("skip-to-content");
        skipLink.addClassName("loket-skip-link");
        // not Vaadin's router: the anchor is a place on this page, and the URL stays as it is
        skipLink.setRouterIgnore(true);
        skipLink.getElement().executeJs("this.addEventListener('click', e => { e.preventDefault(); " + FOCUS_PAGE + " })");
        return skipLink;
    }

    private Component drawer(CurrentUser currentUser) {
        Div brand = LoginView.brand();
        brand.addClassNames(LumoUtility.Padding.MEDIUM);
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        VerticalLayout drawer = new VerticalLayout(brand, nav);
        drawer.setPadding(false);
        // the whole drawer is the menu landmark: the brand and the Cockpit link are in it too
        Nav menu = new Nav(drawer);
        menu.setAriaLabel(getTranslation("nav.menu"));
        if (currentUser.hasRole(Roles.PROCESS_ADMIN)) {
            Anchor cockpit = new Anchor(COCKPIT_URL, getTranslation("nav.cockpit"));
            cockpit.setRouterIgnore(true);
            cockpit.setId("cockpit-link");
            cockpit.addClassNames(LumoUtility.Padding.Horizontal.MEDIUM);
            drawer.add(cockpit);
        }
        return menu;
    }

    /** The page under the banners of the moment. */
    @Override
    public void showRouterLayoutContent(com.vaadin.flow.component.HasElement content) {
        Main frame = new Main(banners, (Component) content);
        // the page fills the height under the banners, so a view can give its list the rest of the screen
        frame.addClassName("loket-frame");
        frame.setId(MAIN_ID);
        frame.getElement().setAttribute("tabindex", "-1");
        setContent(frame);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        banners.removeAll();
        layoutBanners.forEach(banner -> banner.banner().ifPresent(banners::add));
        getUI().ifPresent(ui -> liveRefresh.active(ui, activity));
        shownCounts.clear();
        refreshCounts();
        String path = event.getLocation().getPath();
        if (shownPath != null && !shownPath.equals(path)) {
            getElement().executeJs(FOCUS_PAGE);
        }
        shownPath = path;
    }

    /**
     * The menu's counts and the bell's, from the database: one small query per badge (the inbox's two), each
     * redrawn only when it changed.
     */
    void refreshCounts() {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        java.util.function.ToIntFunction<String> count = path -> badgeFor(path)
                .map(badge -> counts.computeIfAbsent(badge.path(), p -> badge.count())).orElse(0);
        nav.getItems().forEach(item -> {
            int itemCount = count.applyAsInt(item.getPath());
            if (changed(item.getPath(), itemCount)) {
                item.setSuffixComponent(itemCount > 0 ? countBadge(itemCount) : null);
            }
        });
        int unread = count.applyAsInt(NOTIFICATIONS_PATH);
        if (changed("bell", unread)) {
            unreadCount.setText(String.valueOf(unread));
            unreadCount.setVisible(unread > 0);
            // the name starts with what the eye sees ("3"), so a voice command "click 3" works too (WCAG 2.5.3)
            bell.setAriaLabel(unread > 0 ? getTranslation("nav.notifications.unread", unread)
                    : getTranslation("nav.notifications"));
        }
    }

    private boolean changed(String what, int count) {
        Integer shown = shownCounts.put(what, count);
        return shown == null || shown != count;
    }

    private Optional<NavigationBadge> badgeFor(String path) {
        String normalized = path == null ? "" : path.replaceFirst("^/", "");
        return badges.stream().filter(b -> b.path().equals(normalized)).findFirst();
    }

    private static Span countBadge(int count) {
        Span badge = new Span(String.valueOf(count));
        badge.getElement().getThemeList().add("badge contrast pill small");
        return badge;
    }
}
