/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.llmcost.budget;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BudgetPeriod}.
 *
 * @author llm-cost contributors
 */
class BudgetPeriodTests {

	private static final Instant SATURDAY_EVENING = Instant.parse("2026-11-28T23:30:00Z");

	@Test
	void dayShouldBeTheCalendarDayOfTheZone() {
		assertThat(BudgetPeriod.DAY.idAt(SATURDAY_EVENING, ZoneOffset.UTC)).isEqualTo("2026-11-28");
		assertThat(BudgetPeriod.DAY.endAt(SATURDAY_EVENING, ZoneOffset.UTC))
			.isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
		ZoneId paris = ZoneId.of("Europe/Paris");
		assertThat(BudgetPeriod.DAY.idAt(SATURDAY_EVENING, paris)).isEqualTo("2026-11-29");
		assertThat(BudgetPeriod.DAY.endAt(SATURDAY_EVENING, paris)).isEqualTo(Instant.parse("2026-11-29T23:00:00Z"));
	}

	@Test
	void weekShouldBeTheIsoWeekFromMonday() {
		assertThat(BudgetPeriod.WEEK.idAt(SATURDAY_EVENING, ZoneOffset.UTC)).isEqualTo("2026-W48");
		assertThat(BudgetPeriod.WEEK.endAt(SATURDAY_EVENING, ZoneOffset.UTC))
			.isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
		assertThat(BudgetPeriod.WEEK.idAt(Instant.parse("2027-01-01T12:00:00Z"), ZoneOffset.UTC)).isEqualTo("2026-W53");
	}

	@Test
	void monthShouldBeTheCalendarMonth() {
		assertThat(BudgetPeriod.MONTH.idAt(SATURDAY_EVENING, ZoneOffset.UTC)).isEqualTo("2026-11");
		assertThat(BudgetPeriod.MONTH.endAt(SATURDAY_EVENING, ZoneOffset.UTC))
			.isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
	}

	@Test
	void totalShouldNeverEnd() {
		assertThat(BudgetPeriod.TOTAL.idAt(SATURDAY_EVENING, ZoneOffset.UTC)).isEqualTo("total");
		assertThat(BudgetPeriod.TOTAL.endAt(SATURDAY_EVENING, ZoneOffset.UTC)).isNull();
	}

}
