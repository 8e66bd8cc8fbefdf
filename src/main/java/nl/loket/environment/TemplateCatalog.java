package nl.loket.environment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import nl.loket.request.InvalidRequestException;
import nl.loket.search.SearchQuery;
import nl.loket.search.SearchSql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The environment templates: data admins edit in the portal. Environments keep the size factor they were made with. */
@Service
public class TemplateCatalog {

    /** The query parameter of the order page ({@code environments/new?template=<code>}) that chooses a template. */
    public static final String ORDER_PARAMETER = "template";

    public static final String FIELD_CODE = "code";
    public static final String FIELD_NAME = "name";
    public static final String FIELD_COMPONENTS = "components";
    public static final String FIELD_STAGES = "stages";
    public static final String FIELD_SIZES = "sizes";
    public static final String FIELD_PROVIDER = "provider";

    private static final Logger log = LoggerFactory.getLogger(TemplateCatalog.class);
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    private static final String SELECT = """
            select code, name_en, name_nl, description_en, description_nl, components, stages, provider,
                   factor_small, factor_medium, factor_large, active
            from environment_template""";

    private final JdbcClient jdbc;
    private final Providers providers;

    TemplateCatalog(JdbcClient jdbc, Providers providers) {
        this.jdbc = jdbc;
        this.providers = providers;
    }

    /** The providers templates may name: the simulated cloud, and PostgreSQL when it is configured. */
    public List<String> providerIds() {
        return providers.ids();
    }

    public List<EnvironmentTemplate> all() {
        return jdbc.sql(SELECT + " order by name_en").query(TemplateCatalog::map).list();
    }

    /** The templates users may order, simplest first (fewest components). */
    public List<EnvironmentTemplate> active() {
        return all().stream().filter(EnvironmentTemplate::active)
                .sorted(java.util.Comparator.comparingInt((EnvironmentTemplate t) -> t.components().size())
                        .thenComparing(EnvironmentTemplate::code))
                .toList();
    }

    /**
     * Active templates whose names, descriptions (both languages) or components hold every word of the query,
     * simplest first, as {@link #active()} orders them.
     */
    public List<EnvironmentTemplate> search(SearchQuery query, int limit) {
        SearchSql match = SearchSql.matching(query, "name_en", "name_nl", "description_en", "description_nl",
                "components");
        return jdbc.sql(SELECT + " where active = true and " + match.sql() + " order by code")
                .params(match.params()).query(TemplateCatalog::map).list().stream()
                .sorted(java.util.Comparator.comparingInt((EnvironmentTemplate t) -> t.components().size())
                        .thenComparing(EnvironmentTemplate::code))
                .limit(limit).toList();
    }

    public Optional<EnvironmentTemplate> find(String code) {
        return jdbc.sql(SELECT + " where code = ?").param(code).query(TemplateCatalog::map).optional();
    }

    /** Adds or changes a template after checking it; running environments are not affected. */
    @Transactional
    public void save(EnvironmentTemplate template) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (template.code() == null || !CODE.matcher(template.code()).matches()) {
            errors.put(FIELD_CODE, "template.error.code");
        }
        if (blank(template.nameEn()) || blank(template.nameNl())) {
            errors.put(FIELD_NAME, "template.error.name");
        }
        if (template.components().isEmpty()) {
            errors.put(FIELD_COMPONENTS, "template.error.components");
        }
        if (template.stages().isEmpty()) {
            errors.put(FIELD_STAGES, "template.error.stages");
        }
        boolean anySize = template.sizeFactors().values().stream()
                .anyMatch(f -> f != null && f.signum() > 0 && f.compareTo(new BigDecimal("100")) < 0);
        boolean allValid = template.sizeFactors().values().stream()
                .allMatch(f -> f == null || (f.signum() > 0 && f.compareTo(new BigDecimal("100")) < 0));
        if (!anySize || !allValid) {
            errors.put(FIELD_SIZES, "template.error.sizes");
        }
        if (!providers.ids().contains(template.provider())) {
            errors.put(FIELD_PROVIDER, "template.error.provider");
        }
        if (!errors.isEmpty()) {
            log.warn("Refused template {}: {}", template.code(), errors);
            throw new InvalidRequestException(errors);
        }
        boolean exists = find(template.code()).isPresent();
        String components = String.join(",", template.components());
        String stages = template.stages().stream().sorted().map(Stage::name).collect(Collectors.joining(","));
        if (exists) {
            jdbc.sql("""
                    update environment_template set name_en = ?, name_nl = ?, description_en = ?, description_nl = ?,
                        components = ?, stages = ?, provider = ?, factor_small = ?, factor_medium = ?,
                        factor_large = ?, active = ?
                    where code = ?""")
                    .params(template.nameEn().strip(), template.nameNl().strip(), nullToEmpty(template.descriptionEn()),
                            nullToEmpty(template.descriptionNl()), components, stages, template.provider(),
                            template.sizeFactors().get(Size.SMALL), template.sizeFactors().get(Size.MEDIUM),
                            template.sizeFactors().get(Size.LARGE), template.active(), template.code())
                    .update();
        } else {
            jdbc.sql("""
                    insert into environment_template (code, name_en, name_nl, description_en, description_nl,
                        components, stages, provider, factor_small, factor_medium, factor_large, active)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(template.code(), template.nameEn().strip(), template.nameNl().strip(),
                            nullToEmpty(template.descriptionEn()), nullToEmpty(template.descriptionNl()), components,
                            stages, template.provider(), template.sizeFactors().get(Size.SMALL),
                            template.sizeFactors().get(Size.MEDIUM), template.sizeFactors().get(Size.LARGE),
                            template.active())
                    .update();
        }
        log.info("Template {} saved", template.code());
    }

    /** For demo data: adds the template if its code is new; never overwrites an admin's changes. */
    @Transactional
    public void addIfAbsent(EnvironmentTemplate template) {
        if (find(template.code()).isEmpty()) {
            save(template);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text.strip();
    }

    private static EnvironmentTemplate map(ResultSet rs, int row) throws SQLException {
        Map<Size, BigDecimal> factors = new EnumMap<>(Size.class);
        factors.put(Size.SMALL, rs.getBigDecimal("factor_small"));
        factors.put(Size.MEDIUM, rs.getBigDecimal("factor_medium"));
        factors.put(Size.LARGE, rs.getBigDecimal("factor_large"));
        Set<Stage> stages = Arrays.stream(rs.getString("stages").split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).map(Stage::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Stage.class)));
        List<String> components = Arrays.stream(rs.getString("components").split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        return new EnvironmentTemplate(rs.getString("code"), rs.getString("name_en"), rs.getString("name_nl"),
                rs.getString("description_en"), rs.getString("description_nl"), components, stages,
                rs.getString("provider"), factors, rs.getBoolean("active"));
    }
}
