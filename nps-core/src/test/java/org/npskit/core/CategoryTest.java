package org.npskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CategoryTest {

  @Test
  void breaksAtSevenAndNine() {
    assertThat(Category.of(0)).isEqualTo(Category.DETRACTOR);
    assertThat(Category.of(6)).isEqualTo(Category.DETRACTOR);
    assertThat(Category.of(7)).isEqualTo(Category.PASSIVE);
    assertThat(Category.of(8)).isEqualTo(Category.PASSIVE);
    assertThat(Category.of(9)).isEqualTo(Category.PROMOTER);
    assertThat(Category.of(10)).isEqualTo(Category.PROMOTER);
  }

  @Test
  void rejectsScoresOutsideTheScaleNamingTheValue() {
    assertThatThrownBy(() -> Category.of(11))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("11");
    assertThatThrownBy(() -> Category.of(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }
}
