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

package io.github.llmcost.billing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BillingDimension}.
 *
 * @author llm-cost contributors
 */
class BillingDimensionTests {

	@Test
	void fallbacksAreDeclaredBeforeTheDimensionsThatUseThem() {
		for (BillingDimension dimension : BillingDimension.values()) {
			BillingDimension fallback = dimension.fallback();
			if (fallback != null) {
				assertThat(fallback.ordinal()).as(dimension.id()).isLessThan(dimension.ordinal());
				assertThat(fallback.unit()).as(dimension.id()).isEqualTo(dimension.unit());
			}
		}
	}

	@Test
	void namesFollowTheDimension() {
		assertThat(BillingDimension.CACHE_WRITE_1H.id()).isEqualTo("cache_write_1h");
		assertThat(BillingDimension.CACHE_WRITE_1H.propertyName()).isEqualTo("cache-write-1h");
		assertThat(BillingDimension.CACHE_WRITE_1H.jsonName()).isEqualTo("cacheWrite1h");
		assertThat(BillingDimension.CACHE_WRITE_1H.meterType()).isEqualTo("cache_write");
		assertThat(BillingDimension.REQUEST.propertyName()).isEqualTo("per-request");
		assertThat(BillingDimension.REQUEST.isToken()).isFalse();
		assertThat(BillingDimension.tokens()).doesNotContain(BillingDimension.REQUEST);
	}

	@Test
	void meterTypesAreTheValuesOfTheContract() {
		// DESIGN.md 3.3: llm.token.type and llm.cost.type values known so far
		assertThat(BillingDimension.values()).extracting(BillingDimension::meterType)
			.allMatch((type) -> type
				.matches("input|cached_input|cache_write|audio_input|output|reasoning|audio_output|request"));
	}

	@Test
	void onlyInputAndOutputMustBePriced() {
		assertThat(BillingDimension.values()).filteredOn(BillingDimension::isRequired)
			.containsExactly(BillingDimension.INPUT, BillingDimension.OUTPUT);
	}

}
