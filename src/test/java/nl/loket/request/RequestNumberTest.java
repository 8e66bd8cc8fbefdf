package nl.loket.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestNumberTest {

    @Test
    void a_number_is_the_year_and_the_id_in_at_least_six_digits() {
        assertThat(RequestRepository.number(2026, 42)).isEqualTo("REQ-2026-000042");
        assertThat(RequestRepository.number(2026, 999_999)).isEqualTo("REQ-2026-999999");
        assertThat(RequestRepository.number(2027, 1_234_567)).isEqualTo("REQ-2027-1234567");
    }
}
