package nl.loket.search;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A SQL condition for "every word of the query occurs in one of these columns", for search sources that read
 * Loket's tables, so that every node on the shared database finds the same. Plain SQL that H2 and PostgreSQL both
 * run ({@code lower}, {@code translate}, {@code like ... escape}): the columns are folded as {@link SearchQuery#fold}
 * folds the query, for the accented letters of the Western European languages.
 *
 * @param sql    to put after {@code where} (or {@code and}); {@code 1 = 0} for a blank query
 * @param params its positional parameters, in order
 */
public record SearchSql(String sql, List<Object> params) {

    static final String ACCENTED = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿšžčřěů";
    static final String PLAIN = "aaaaaaceeeeiiiinooooouuuuyyszcreu";
    private static final char ESCAPE = '!';

    public static SearchSql matching(SearchQuery query, String... columns) {
        if (query.isBlank() || columns.length == 0) {
            return new SearchSql("1 = 0", List.of());
        }
        List<Object> params = new ArrayList<>();
        String perWord = "(" + java.util.Arrays.stream(columns).map(column -> folded(column) + " like ? escape '"
                + ESCAPE + "'").collect(Collectors.joining(" or ")) + ")";
        List<String> conditions = new ArrayList<>();
        for (String word : query.words()) {
            conditions.add(perWord);
            String pattern = "%" + escape(word) + "%";
            for (int i = 0; i < columns.length; i++) {
                params.add(pattern);
            }
        }
        return new SearchSql("(" + String.join(" and ", conditions) + ")", List.copyOf(params));
    }

    private static String folded(String column) {
        return "translate(lower(coalesce(" + column + ", '')), '" + ACCENTED + "', '" + PLAIN + "')";
    }

    /** A typed {@code %} or {@code _} is a character to find, not a wildcard. */
    static String escape(String word) {
        return word.replace("" + ESCAPE, "" + ESCAPE + ESCAPE).replace("%", ESCAPE + "%").replace("_", ESCAPE + "_");
    }
}
