package nl.loket.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import nl.loket.catalog.CatalogItem;
import nl.loket.catalog.CatalogService;
import nl.loket.catalog.ProductSearch;
import nl.loket.forms.FormField;
import nl.loket.forms.FormFieldType;
import nl.loket.forms.FormSchema;
import nl.loket.forms.FormSchemaParser;
import nl.loket.forms.InvalidFormException;
import nl.loket.search.SearchHit;
import nl.loket.search.SearchKind;
import nl.loket.search.SearchQuery;
import nl.loket.search.SearchSource;
import nl.loket.workflow.DeployedForms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.vaadin.flow.i18n.I18NProvider;

/**
 * Search finds the choices a request type's start form offers itself (a select's or radio group's own options,
 * such as a monitor's "27 inch"), in every language the form has them in, for the request types the user may
 * start on Loket's generic start page. A hit opens that page with the option chosen
 * ({@code request/<key>?<field>=<value>}). An option is found when at least one word is in its own label and every
 * word is in its label, its field's label or its request type's name.
 */
@Component
@Order(30)
class FormOptionSearch implements SearchSource {

    private static final Logger log = LoggerFactory.getLogger(FormOptionSearch.class);

    private final CatalogService catalog;
    private final DeployedForms forms;
    private final FormSchemaParser parser;
    private final List<Locale> languages;

    FormOptionSearch(CatalogService catalog, DeployedForms forms, FormSchemaParser parser, I18NProvider texts) {
        this.catalog = catalog;
        this.forms = forms;
        this.parser = parser;
        this.languages = texts.getProvidedLocales();
    }

    @Override
    public SearchKind kind() {
        return SearchKind.PRODUCT;
    }

    @Override
    public List<SearchHit> search(SearchQuery query, Locale locale, int limit) {
        if (query.isBlank()) {
            return List.of();
        }
        List<SearchHit> hits = new ArrayList<>();
        for (CatalogItem type : catalog.items(locale)) {
            if (type.startView() == null) {
                schema(type).ifPresent(schema -> hits.addAll(hits(type, schema, query, locale)));
            }
            if (hits.size() >= limit) {
                break;
            }
        }
        return hits.stream().limit(limit).toList();
    }

    private java.util.Optional<FormSchema> schema(CatalogItem type) {
        try {
            return forms.startForm(type.processKey()).map(parser::parse);
        } catch (InvalidFormException e) {
            // the start page says so; search just has nothing to offer from it
            log.debug("The start form of {} cannot be read for search: {}", type.processKey(), e.getMessage());
            return java.util.Optional.empty();
        }
    }

    private List<SearchHit> hits(CatalogItem type, FormSchema schema, SearchQuery query, Locale locale) {
        List<SearchHit> hits = new ArrayList<>();
        for (FormField field : choices(schema.components())) {
            FormField shown = field.localized(locale);
            List<FormField> translations = languages.stream().map(field::localized).toList();
            for (int i = 0; i < field.options().size(); i++) {
                int index = i;
                List<String> labels = new ArrayList<>();
                labels.add(field.options().get(i).label());
                translations.forEach(t -> labels.add(t.options().get(index).label()));
                List<String> texts = new ArrayList<>(labels);
                texts.add(shown.label());
                texts.add(type.name());
                if (query.matches(texts) && query.mentions(labels)) {
                    FormField.Option option = shown.options().get(i);
                    hits.add(ProductSearch.hit(type, type.processKey() + ":" + field.key() + ":" + option.value(),
                            option.label(), Objects.requireNonNullElse(shown.label(), ""), field.key(),
                            option.value()));
                }
            }
        }
        return hits;
    }

    /**
     * The selects and radio groups with options of their own whose value sits at the top of the form's data, where
     * a query parameter can choose it: not inside a dynamic list or a group with a path of its own.
     */
    private static List<FormField> choices(List<FormField> components) {
        List<FormField> choices = new ArrayList<>();
        for (FormField field : components) {
            boolean choice = FormFieldType.SELECT.equals(field.type()) || FormFieldType.RADIO.equals(field.type());
            if (field.isInput() && choice && field.optionsKey() == null && field.optionsExpression() == null
                    && !field.options().isEmpty() && !field.key().contains(".")) {
                choices.add(field);
            }
            boolean nests = FormFieldType.DYNAMIC_LIST.equals(field.type())
                    || field.path() != null && !field.path().isBlank();
            if (!nests) {
                choices.addAll(choices(field.children()));
            }
        }
        return choices;
    }

}
