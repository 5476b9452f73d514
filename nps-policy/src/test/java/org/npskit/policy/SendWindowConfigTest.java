package org.npskit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.npskit.policy.Fixtures.props;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The keys {@code send-window}, {@code send-days} and {@code default-zone}: grammar and errors. */
class SendWindowConfigTest {

  @Test
  void theKeysAreRead() {
    SurveyPolicy p = SurveyPolicy.fromProperties(props(
        "nps.policy.send-window=09:00-18:30",
        "nps.policy.send-days=MON-FRI, sat",
        "nps.policy.default-zone=Europe/Amsterdam"));
    assertThat(p.sendWindow()).contains(new SendWindow(LocalTime.of(9, 0), LocalTime.of(18, 30)));
    assertThat(p.sendDays()).containsExactlyElementsOf(
        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY));
    assertThat(p.defaultZone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "MON|MONDAY",
      "mon-fri|MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY",
      "Sat , SUN|SATURDAY,SUNDAY",
      "sun,mon|MONDAY,SUNDAY",
      "WED-WED|WEDNESDAY",
      "MON - TUE, TUE-WED|MONDAY,TUESDAY,WEDNESDAY",
      "MON-SUN|MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY"})
  void sendDaysAreDaysAndRangesCommaSeparatedCaseInsensitive(String value, String expected) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String day : expected.split(",")) {
      days.add(DayOfWeek.valueOf(day));
    }
    assertThat(SurveyPolicy.fromProperties(props("nps.policy.send-days=" + value)).sendDays())
        .containsExactlyInAnyOrderElementsOf(days);
  }

  @Test
  void theWindowAllowsSpacesAroundTheDashAndEndsAt2359AtTheLatest() {
    assertThat(SendWindow.parse(" 00:00 - 23:59 "))
        .isEqualTo(new SendWindow(LocalTime.MIDNIGHT, LocalTime.of(23, 59)));
    assertThat(SendWindow.parse("09:00-18:00").contains(LocalTime.of(9, 0))).isTrue();
    assertThat(SendWindow.parse("09:00-18:00").contains(LocalTime.of(18, 0))).isFalse();
    assertThat(SendWindow.parse("09:00-18:00").contains(LocalTime.of(8, 59, 59))).isFalse();
  }

  @Test
  void utcAndRegionIdsAreZones() {
    assertThat(SurveyPolicy.fromProperties(props("nps.policy.default-zone=UTC")).defaultZone())
        .isEqualTo(ZoneId.of("UTC"));
    assertThat(SurveyPolicy.fromProperties(props("nps.policy.default-zone=Asia/Kathmandu"))
        .defaultZone()).isEqualTo(ZoneId.of("Asia/Kathmandu"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // start >= end
      "nps.policy.send-window|18:00-09:00|start must be before its end",
      "nps.policy.send-window|09:00-09:00|start must be before its end",
      // 24:00 and other times that are no time of day
      "nps.policy.send-window|18:00-24:00|24:00 is not a time of day",
      "nps.policy.send-window|24:00-24:00|24:00 is not a time of day",
      "nps.policy.send-window|09:60-18:00|09:60 is not a time of day",
      // the grammar: two-digit hours and minutes, one dash
      "nps.policy.send-window|9:00-18:00|HH:MM-HH:MM",
      "nps.policy.send-window|09:00|HH:MM-HH:MM",
      "nps.policy.send-window|09-18|HH:MM-HH:MM",
      "nps.policy.send-window|09:00-18:00:00|HH:MM-HH:MM",
      "nps.policy.send-window|09:00 to 18:00|HH:MM-HH:MM",
      // a range whose end comes before its start, unknown days
      "nps.policy.send-days|FRI-MON|ends before it starts",
      "nps.policy.send-days|SUN-SAT|ends before it starts",
      "nps.policy.send-days|MON-FRX|unknown day 'FRX'",
      "nps.policy.send-days|FUNDAY|unknown day 'FUNDAY'",
      "nps.policy.send-days|MONDAY|unknown day 'MONDAY'",
      "nps.policy.send-days|MON;TUE|';' does not separate",
      "nps.policy.send-days|MON,,TUE|empty list element",
      "nps.policy.send-days|MON-TUE-WED|unknown day 'MON-TUE-WED'",
      // unknown zones; fixed offsets are not region ids
      "nps.policy.default-zone|Mars/Olympus_Mons|unknown time zone 'Mars/Olympus_Mons'",
      "nps.policy.default-zone|europe/amsterdam|did you mean Europe/Amsterdam?",
      "nps.policy.default-zone|+01:00|unknown time zone '+01:00'",
      "nps.policy.default-zone|CEST|unknown time zone 'CEST'"})
  void malformedValuesAreErrorsNamingKeyAndValue(String key, String value, String why) {
    assertThatThrownBy(() -> SurveyPolicy.fromProperties(props(key + "=" + value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(key + "=" + value)
        .hasMessageContaining(why);
  }

  @Test
  void emptyValuesAreErrors() {
    assertThatThrownBy(() -> SurveyPolicy.fromProperties(props("nps.policy.send-window=")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("send-window");
    assertThatThrownBy(() -> SurveyPolicy.fromProperties(props("nps.policy.send-days=")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("send-days");
    assertThatThrownBy(() -> SurveyPolicy.fromProperties(props("nps.policy.default-zone=")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("default-zone");
  }

  @Test
  void builderArgumentsAreCheckedAndTheDaysCopied() {
    assertThatThrownBy(() -> new SendWindow(LocalTime.NOON, LocalTime.of(11, 0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12:00-11:00");
    assertThatThrownBy(() -> new SendWindow(null, LocalTime.NOON))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("start");
    assertThatThrownBy(() -> SurveyPolicy.builder().sendWindow(null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("sendWindow");
    assertThatThrownBy(() -> SurveyPolicy.builder().sendDays(Set.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sendDays");
    Set<DayOfWeek> withNull = new HashSet<>();
    withNull.add(null);
    assertThatThrownBy(() -> SurveyPolicy.builder().sendDays(withNull))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("sendDays");
    assertThatThrownBy(() -> SurveyPolicy.builder().defaultZone(null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("defaultZone");

    Set<DayOfWeek> days = EnumSet.of(DayOfWeek.MONDAY);
    SurveyPolicy p = SurveyPolicy.builder().sendDays(days).build();
    days.add(DayOfWeek.TUESDAY);
    assertThat(p.sendDays()).containsExactly(DayOfWeek.MONDAY);
    assertThatThrownBy(() -> p.sendDays().add(DayOfWeek.SUNDAY))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void theFormattedPolicyShowsTheWindowTheDaysAndTheZone() {
    assertThat(SurveyPolicy.defaults().toString())
        .contains("sendWindow=none, sendDays=MON-SUN, defaultZone=UTC]");
    SurveyPolicy p = SurveyPolicy.fromProperties(props(
        "nps.policy.send-window=08:30-20:00",
        "nps.policy.send-days=sun, MON-WED, FRI",
        "nps.policy.default-zone=America/New_York"));
    assertThat(p.toString()).contains(
        "sendWindow=08:30-20:00, sendDays=MON-WED,FRI,SUN, defaultZone=America/New_York]");
  }
}
