package bookstore.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageWindowTests {

    @Test
    void aListingIsPagedThroughItsFirstTenThousandItems() {
        assertThat(PageWindow.allows(0, 20)).isTrue();
        assertThat(PageWindow.allows(499, 20)).isTrue();
        assertThat(PageWindow.allows(500, 20)).isFalse();
        assertThat(PageWindow.allows(99, 100)).isTrue();
        assertThat(PageWindow.allows(100, 100)).isFalse();
        assertThat(PageWindow.allows(PageWindow.MAX_PAGE, 1)).isTrue();
        assertThat(PageWindow.allows(PageWindow.MAX_PAGE + 1, 1)).isFalse();
        assertThat(PageWindow.lastPage(20)).isEqualTo(499);
        assertThat(PageWindow.lastPage(30)).isEqualTo(332);
        assertThat(PageWindow.allows(PageWindow.lastPage(30), 30)).isTrue();
        assertThat(PageWindow.allows(PageWindow.lastPage(30) + 1, 30)).isFalse();
    }

    @Test
    void pagesWhoseProductOverflowsAnIntAreRefused() {
        // (2147483647 + 1) * 20 wraps to a negative int; in long arithmetic it is far beyond the window.
        assertThat(PageWindow.allows(Integer.MAX_VALUE, 20)).isFalse();
        assertThat(PageWindow.allows(Integer.MAX_VALUE, Integer.MAX_VALUE)).isFalse();
        assertThat(PageWindow.allows(107_374_182, 20)).isFalse();
        assertThatThrownBy(() -> PageWindow.check(Integer.MAX_VALUE, 20))
                .isInstanceOf(PageWindow.BeyondWindowException.class);
    }

    @Test
    void negativePagesAndEmptySizesAreRefused() {
        assertThat(PageWindow.allows(-1, 20)).isFalse();
        assertThat(PageWindow.allows(Integer.MIN_VALUE, 20)).isFalse();
        assertThat(PageWindow.allows(0, 0)).isFalse();
        assertThat(PageWindow.allows(0, -1)).isFalse();
    }

    @Test
    void aPageOtherConstraintsRefuseIsNotReportedAsBeyondTheWindowToo() {
        assertThat(PageWindow.isBeyond(500, 20)).isTrue();
        assertThat(PageWindow.isBeyond(499, 20)).isFalse();
        assertThat(PageWindow.isBeyond(null, 20)).isFalse();
        assertThat(PageWindow.isBeyond(-1, 20)).isFalse();
        assertThat(PageWindow.isBeyond(Integer.MAX_VALUE, 20)).isFalse();
    }
}
