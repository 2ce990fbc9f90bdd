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

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

import org.jspecify.annotations.Nullable;

/**
 * The period a budget's amount is for: a calendar day, ISO week or month in the budget's
 * zone, or the whole life of the budget.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public enum BudgetPeriod {

	/**
	 * A calendar day.
	 */
	DAY {
		@Override
		String id(LocalDate date) {
			return date.toString();
		}

		@Override
		LocalDate nextStart(LocalDate date) {
			return date.plusDays(1);
		}
	},

	/**
	 * An ISO week, from Monday.
	 */
	WEEK {
		@Override
		String id(LocalDate date) {
			return "%d-W%02d".formatted(date.get(IsoFields.WEEK_BASED_YEAR),
					date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
		}

		@Override
		LocalDate nextStart(LocalDate date) {
			return date.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
		}
	},

	/**
	 * A calendar month.
	 */
	MONTH {
		@Override
		String id(LocalDate date) {
			return "%d-%02d".formatted(date.getYear(), date.getMonthValue());
		}

		@Override
		LocalDate nextStart(LocalDate date) {
			return date.with(TemporalAdjusters.firstDayOfNextMonth());
		}
	},

	/**
	 * No period: the amount is for the whole life of the budget.
	 */
	TOTAL {
		@Override
		String id(LocalDate date) {
			return "total";
		}

		@Override
		@Nullable LocalDate nextStart(LocalDate date) {
			return null;
		}
	};

	/**
	 * Return the id of the period that holds an instant, for example {@code 2026-11-28},
	 * {@code 2026-W48}, {@code 2026-11} or {@code total}.
	 * @param instant the instant
	 * @param zone the zone of the calendar
	 * @return the period id
	 */
	public String idAt(Instant instant, ZoneId zone) {
		return id(instant.atZone(zone).toLocalDate());
	}

	/**
	 * Return when the period that holds an instant ends.
	 * @param instant the instant
	 * @param zone the zone of the calendar
	 * @return the end of the period, or {@code null} for {@link #TOTAL}
	 */
	public @Nullable Instant endAt(Instant instant, ZoneId zone) {
		LocalDate next = nextStart(instant.atZone(zone).toLocalDate());
		return (next != null) ? ZonedDateTime.of(next.atStartOfDay(), zone).toInstant() : null;
	}

	abstract String id(LocalDate date);

	abstract @Nullable LocalDate nextStart(LocalDate date);

}
