package nl.loket.search.ui;

import java.util.List;

import nl.loket.search.SearchHit;
import nl.loket.search.SearchKind;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * One group of search hits under its heading ("Products (2)"): each a link to what it opens, with what it is and
 * where it belongs. Shown by the search page and by the catalogue's search.
 */
public class SearchHitList extends Div {

    public SearchHitList(SearchKind kind, List<SearchHit> hits, boolean truncated) {
        addClassName("loket-search-group");
        setId("search-group-" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        H2 heading = new H2(getTranslation("search.kind." + kind.name(), hits.size()));
        UnorderedList list = new UnorderedList();
        list.addClassName("loket-search-hits");
        hits.forEach(hit -> list.add(item(hit)));
        add(heading, list);
        if (truncated) {
            Span more = new Span(getTranslation("search.truncated", hits.size()));
            more.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
            add(more);
        }
    }

    private ListItem item(SearchHit hit) {
        Icon icon = new Icon(hit.icon());
        icon.addClassName("loket-search-icon");
        icon.getElement().setAttribute("aria-hidden", "true");
        Anchor title = new Anchor(hit.path(), hit.title());
        title.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        title.setId("hit-" + hit.id().replaceAll("[^A-Za-z0-9-]", "-"));
        Div text = new Div(title);
        if (hit.description() != null && !hit.description().isBlank()) {
            Div description = new Div(hit.description());
            description.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
            text.add(description);
        }
        if (hit.context() != null && !hit.context().isBlank()) {
            Div context = new Div(hit.kind() == SearchKind.PRODUCT ? getTranslation("search.in", hit.context())
                    : hit.context());
            context.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
            text.add(context);
        }
        ListItem item = new ListItem(icon, text);
        item.addClassName("loket-search-hit");
        return item;
    }
}
