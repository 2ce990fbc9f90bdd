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

package io.github.llmcost.observation;

import java.util.Arrays;

import io.micrometer.common.docs.KeyName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LlmCostObservationDocumentation}: they pin the names of the public
 * contract.
 *
 * @author llm-cost contributors
 */
class LlmCostObservationDocumentationTests {

	@Test
	void shouldDocumentLowCardinalityKeys() {
		assertThat(names(LlmCostObservationDocumentation.LLM_CALL.getLowCardinalityKeyNames())).containsExactly(
				"gen_ai.operation.name", "gen_ai.provider.name", "gen_ai.request.model", "gen_ai.response.model",
				"llm.priced", "llm.usage.source");
	}

	@Test
	void shouldDocumentHighCardinalityKeys() {
		assertThat(names(LlmCostObservationDocumentation.LLM_CALL.getHighCardinalityKeyNames())).containsExactly(
				"gen_ai.usage.cost.currency", "gen_ai.usage.cost.source", "llm.pricing.entry", "llm.pricing.source",
				"llm.pricing.tier");
	}

	@Test
	void shouldDocumentNumericSpanAttributes() {
		assertThat(names(LlmCostObservationDocumentation.SpanAttributeNames.values())).containsExactly(
				"gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens", "gen_ai.usage.cache_read.input_tokens",
				"gen_ai.usage.cache_creation.input_tokens", "gen_ai.usage.reasoning.output_tokens",
				"gen_ai.usage.cost.amount");
	}

	@Test
	void shouldUseDefaultConvention() {
		assertThat(LlmCostObservationDocumentation.LLM_CALL.getDefaultConvention())
			.isEqualTo(DefaultLlmCostObservationConvention.class);
	}

	private static String[] names(KeyName[] keyNames) {
		return Arrays.stream(keyNames).map(KeyName::asString).toArray(String[]::new);
	}

}
