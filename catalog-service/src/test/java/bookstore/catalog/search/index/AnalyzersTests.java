package bookstore.catalog.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How Chinese and English text is cut into search terms. */
class AnalyzersTests {

    @Test
    void segmentsChineseIntoWordsNotSingleCharacters() {
        assertThat(Analyzers.terms(Analyzers.chinese(), "title_zh", "黑暗森林")).containsExactly("黑暗", "森林");
        assertThat(Analyzers.terms(Analyzers.chinese(), "title_zh", "平凡的世界")).contains("平凡", "世界");
    }

    @Test
    void dropsPunctuationFromChinese() {
        assertThat(Analyzers.terms(Analyzers.chinese(), "title_zh", "三体Ⅱ：黑暗森林"))
                .contains("黑暗", "森林")
                .doesNotContain("：");
    }

    @Test
    void pairsChineseCharactersForRecall() {
        assertThat(Analyzers.terms(Analyzers.bigrams(), "title_cjk", "黑暗森林")).containsExactly("黑暗", "暗森", "森林");
    }

    @Test
    void stemsEnglishAndDropsStopWords() {
        assertThat(Analyzers.terms(Analyzers.english(), "title_en", "The Wars of the Worlds"))
                .containsExactly("war", "world");
        assertThat(Analyzers.terms(Analyzers.english(), "title_en", "Running Stories"))
                .containsExactly("run", "stori");
    }

    @Test
    void englishStemmingMatchesAtQueryAndIndexTime() {
        assertThat(Analyzers.terms(Analyzers.english(), "title_en", "Pride and Prejudice"))
                .isEqualTo(Analyzers.terms(Analyzers.english(), "title_en", "pride PREJUDICE"));
    }

    @Test
    void titlePrefixesCoverWhatASearchBoxHasTypedSoFar() {
        assertThat(Analyzers.terms(Analyzers.titlePrefixes(), "title_prefixes", "Harry"))
                .containsExactly("h", "ha", "har", "harr", "harry");
    }
}
