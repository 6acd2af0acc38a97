package bookstore.catalog.book.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PublicationDateTests {

    @Test
    void keepsThePrecisionThePublisherGave() {
        assertThat(PublicationDate.parse("1605")).hasToString("1605");
        assertThat(PublicationDate.parse("2008-01")).hasToString("2008-01");
        assertThat(PublicationDate.parse("2012-08-01")).hasToString("2012-08-01");
    }

    @Test
    void sortsByTheEarliestDayItCanMean() {
        assertThat(PublicationDate.parse("2008-01").earliestDay()).isEqualTo(LocalDate.of(2008, 1, 1));
        assertThat(PublicationDate.parse("2008").earliestDay())
                .isBefore(PublicationDate.parse("2008-02").earliestDay());
    }

    @Test
    void refusesImpossibleDates() {
        assertThatThrownBy(() -> PublicationDate.parse("2023-02-30")).isInstanceOf(InvalidBookException.class);
        assertThatThrownBy(() -> PublicationDate.parse("2023-13")).isInstanceOf(InvalidBookException.class);
        assertThatThrownBy(() -> PublicationDate.parse("1200")).isInstanceOf(InvalidBookException.class);
        assertThatThrownBy(() -> PublicationDate.parse("01/02/2003")).isInstanceOf(InvalidBookException.class);
    }
}
