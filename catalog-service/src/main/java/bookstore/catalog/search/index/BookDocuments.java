package bookstore.catalog.search.index;

import bookstore.catalog.book.domain.Book;
import bookstore.catalog.book.domain.BookDetails;
import bookstore.catalog.search.application.BookHit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import tools.jackson.databind.json.JsonMapper;

/** A book as a search document: analysed text, exact filter values, facets, sort values and a summary. */
final class BookDocuments {

    private final JsonMapper json = JsonMapper.builder().build();

    Document of(Book book) {
        BookDetails details = book.details();
        Document doc = new Document();
        // Also a sort key: books tied on the order a search asks for are listed by id, the same way each time.
        doc.add(new KeywordField(Fields.ID, book.id().toString(), Field.Store.YES));
        doc.add(new StringField(Fields.ISBN, book.isbn().value(), Field.Store.NO));

        text(doc, Fields.TITLE, details.title(), true);
        text(doc, Fields.SUBTITLE, details.subtitle(), true);
        details.authors().forEach(author -> text(doc, Fields.AUTHORS, author, true));
        text(doc, Fields.PUBLISHER, details.publisher(), true);
        // Descriptions are long: words are enough for them, character pairs would only add noise.
        text(doc, Fields.DESCRIPTION, details.description(), false);

        doc.add(new TextField(Fields.TITLE_PREFIXES, details.title(), Field.Store.NO));
        doc.add(new TextField(Fields.TITLE_WORDS, details.title(), Field.Store.NO));
        details.authors().forEach(author -> doc.add(new TextField(Fields.AUTHOR_WORDS, author, Field.Store.NO)));

        details.authors().forEach(author -> keyAndFacet(doc, Fields.AUTHOR_KEY, Fields.FACET_AUTHOR, author));
        details.categories()
                .forEach(category -> keyAndFacet(doc, Fields.CATEGORY_KEY, Fields.FACET_CATEGORY, category));
        if (details.publisher() != null) {
            keyAndFacet(doc, Fields.PUBLISHER_KEY, Fields.FACET_PUBLISHER, details.publisher());
        }
        keyAndFacet(doc, Fields.LANGUAGE_KEY, Fields.FACET_LANGUAGE, details.language());
        String inStock = String.valueOf(book.availability().inStock());
        doc.add(new StringField(Fields.IN_STOCK, inStock, Field.Store.NO));
        doc.add(new SortedSetDocValuesFacetField(Fields.FACET_IN_STOCK, inStock));

        doc.add(new LongField(Fields.PRICE, book.price().amount(), Field.Store.NO));
        doc.add(new LongField(
                Fields.PUBLISHED,
                details.publicationDate() == null
                        ? Long.MIN_VALUE
                        : details.publicationDate().earliestDay().toEpochDay(),
                Field.Store.NO));
        doc.add(new LongField(Fields.SOLD, book.unitsSold(), Field.Store.NO));
        // The average as shown, in tenths: a filter of 4 finds a book shown at 4.0, and books shown alike sort alike.
        doc.add(new LongField(Fields.RATING, book.rating().tenths(), Field.Store.NO));
        doc.add(new LongField(Fields.RATINGS, book.rating().count(), Field.Store.NO));

        doc.add(new StoredField(Fields.SUMMARY, json.writeValueAsBytes(hit(book))));
        return doc;
    }

    /**
     * The book's values for finding books like it, per field as {@link #of} indexes them: its title, subtitle, authors
     * and description read the ways the index reads them, and its author and category keys. The publisher is left
     * out: sharing one says little about what a book is about.
     */
    static Map<String, Collection<Object>> likenessValues(Book book) {
        BookDetails details = book.details();
        Map<String, Collection<Object>> values = new LinkedHashMap<>();
        likeText(values, Fields.TITLE, List.of(details.title()), true);
        likeText(values, Fields.SUBTITLE, details.subtitle() == null ? List.of() : List.of(details.subtitle()), true);
        likeText(values, Fields.AUTHORS, details.authors(), true);
        likeText(
                values,
                Fields.DESCRIPTION,
                details.description() == null ? List.of() : List.of(details.description()),
                false);
        values.put(
                Fields.AUTHOR_KEY,
                details.authors().stream().<Object>map(BookDocuments::key).toList());
        values.put(
                Fields.CATEGORY_KEY,
                details.categories().stream().<Object>map(BookDocuments::key).toList());
        return values;
    }

    BookHit summary(byte[] stored) {
        return json.readValue(stored, BookHit.class);
    }

    static String key(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    private static void text(Document doc, String field, String value, boolean bigrams) {
        if (value == null) {
            return;
        }
        doc.add(new TextField(field + Fields.EN, value, Field.Store.NO));
        doc.add(new TextField(field + Fields.ZH, value, Field.Store.NO));
        if (bigrams) {
            doc.add(new TextField(field + Fields.CJK, value, Field.Store.NO));
        }
    }

    private static void likeText(
            Map<String, Collection<Object>> values, String field, List<String> texts, boolean bigrams) {
        if (texts.isEmpty()) {
            return;
        }
        List<Object> all = List.copyOf(texts);
        values.put(field + Fields.EN, all);
        values.put(field + Fields.ZH, all);
        if (bigrams) {
            values.put(field + Fields.CJK, all);
        }
    }

    private static void keyAndFacet(Document doc, String keyField, String dimension, String value) {
        doc.add(new StringField(keyField, key(value), Field.Store.NO));
        doc.add(new SortedSetDocValuesFacetField(dimension, value));
    }

    private static BookHit hit(Book book) {
        BookDetails details = book.details();
        List<String> categories = new ArrayList<>(details.categories());
        return new BookHit(
                book.id().toString(),
                book.isbn().value(),
                details.title(),
                details.subtitle(),
                details.authors(),
                details.publisher(),
                details.publicationDate() == null
                        ? null
                        : details.publicationDate().toString(),
                details.language(),
                categories,
                new BookHit.Price(book.price().amount(), book.price().currency()),
                details.coverImage() == null ? null : details.coverImage().toString(),
                new BookHit.Availability(
                        book.availability().inStock(), book.availability().available()),
                book.rating().summary());
    }
}
