package nl.loket.request;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import nl.loket.catalog.CatalogService;
import nl.loket.search.SearchHit;
import nl.loket.search.SearchKind;
import nl.loket.search.SearchQuery;
import nl.loket.search.SearchSource;
import nl.loket.security.CurrentUser;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.vaadin.flow.i18n.I18NProvider;

/**
 * Search finds the user's own requests by number ("REQ-2026-000015", or "000015") or subject, newest first; never
 * anybody else's, whatever their role.
 */
@Component
@Order(40)
class MyRequestSearch implements SearchSource {

    private final RequestRepository requests;
    private final CurrentUser currentUser;
    private final CatalogService catalog;
    private final I18NProvider texts;
    private final Clock clock;

    MyRequestSearch(RequestRepository requests, CurrentUser currentUser, CatalogService catalog, I18NProvider texts,
                    Clock clock) {
        this.requests = requests;
        this.currentUser = currentUser;
        this.catalog = catalog;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public SearchKind kind() {
        return SearchKind.MY_REQUEST;
    }

    @Override
    public List<SearchHit> search(SearchQuery query, Locale locale, int limit) {
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                .withZone(clock.getZone());
        return requests.search(currentUser.username(), query, limit).stream()
                .map(request -> new SearchHit(SearchKind.MY_REQUEST, request.number(),
                        request.number() + " · " + request.summary(), catalog.typeName(request.type(), locale),
                        texts.getTranslation("status." + request.status().name(), locale) + " · "
                                + day.format(request.createdAt()),
                        "requests/" + request.number(), "vaadin:clipboard-text"))
                .toList();
    }
}
