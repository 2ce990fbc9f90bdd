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

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * Documentation of the {@code llm.call} observation: one per model round trip.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public enum LlmCostObservationDocumentation implements ObservationDocumentation {

	/**
	 * One round trip to a model, priced: a {@code ChatClient} call makes one, or one per
	 * round of a tool-calling conversation.
	 */
	LLM_CALL {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultLlmCostObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	};

	/**
	 * Low-cardinality keys: tags of the {@code llm.call} timer and attributes of the
	 * span.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * Operation, as Spring AI names it: {@code chat}, {@code embedding} or
		 * {@code image}.
		 */
		OPERATION_NAME {
			@Override
			public String asString() {
				return "gen_ai.operation.name";
			}
		},

		/**
		 * Provider, as Spring AI names it, for example {@code openai} or
		 * {@code anthropic}.
		 */
		PROVIDER_NAME {
			@Override
			public String asString() {
				return "gen_ai.provider.name";
			}
		},

		/**
		 * Model named in the request, or {@code none}.
		 */
		REQUEST_MODEL {
			@Override
			public String asString() {
				return "gen_ai.request.model";
			}
		},

		/**
		 * Model named in the response, or {@code none}.
		 */
		RESPONSE_MODEL {
			@Override
			public String asString() {
				return "gen_ai.response.model";
			}
		},

		/**
		 * Whether the call was priced: {@code true} or {@code false}.
		 */
		PRICED {
			@Override
			public String asString() {
				return "llm.priced";
			}
		},

		/**
		 * Whether the provider reported the call's usage ({@code reported}) or llm-cost
		 * estimated it ({@code estimated}).
		 */
		USAGE_SOURCE {
			@Override
			public String asString() {
				return "llm.usage.source";
			}
		}

	}

	/**
	 * High-cardinality keys: attributes of the span only.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/**
		 * Currency of the cost, an ISO 4217 code such as {@code USD}.
		 */
		COST_CURRENCY {
			@Override
			public String asString() {
				return "gen_ai.usage.cost.currency";
			}
		},

		/**
		 * Where the cost comes from: {@code local}, {@code estimated} or
		 * {@code unpriced}.
		 */
		COST_SOURCE {
			@Override
			public String asString() {
				return "gen_ai.usage.cost.source";
			}
		},

		/**
		 * Name of the price entry used, absent when unpriced.
		 */
		PRICING_ENTRY {
			@Override
			public String asString() {
				return "llm.pricing.entry";
			}
		},

		/**
		 * Source of the price entry used: {@code property}, {@code file} or
		 * {@code builtin}; absent when unpriced.
		 */
		PRICING_SOURCE {
			@Override
			public String asString() {
				return "llm.pricing.source";
			}
		},

		/**
		 * Price tier used: {@code base}, or {@code above-<N>} when the prompt exceeded N
		 * tokens; absent when unpriced.
		 */
		PRICING_TIER {
			@Override
			public String asString() {
				return "llm.pricing.tier";
			}
		}

	}

	/**
	 * Numeric span attributes. They are not key values, whose values are strings: the
	 * {@link LlmCostTracingObservationHandler} sets them on the span as numbers.
	 */
	public enum SpanAttributeNames implements KeyName {

		/**
		 * All prompt tokens: uncached, cache reads and cache writes.
		 */
		INPUT_TOKENS {
			@Override
			public String asString() {
				return "gen_ai.usage.input_tokens";
			}
		},

		/**
		 * All completion tokens: output and reasoning.
		 */
		OUTPUT_TOKENS {
			@Override
			public String asString() {
				return "gen_ai.usage.output_tokens";
			}
		},

		/**
		 * Input tokens read from the prompt cache.
		 */
		CACHE_READ_INPUT_TOKENS {
			@Override
			public String asString() {
				return "gen_ai.usage.cache_read.input_tokens";
			}
		},

		/**
		 * Input tokens written to the prompt cache.
		 */
		CACHE_CREATION_INPUT_TOKENS {
			@Override
			public String asString() {
				return "gen_ai.usage.cache_creation.input_tokens";
			}
		},

		/**
		 * Reasoning tokens, part of the output tokens.
		 */
		REASONING_OUTPUT_TOKENS {
			@Override
			public String asString() {
				return "gen_ai.usage.reasoning.output_tokens";
			}
		},

		/**
		 * Total cost of the call in its currency, absent when unpriced.
		 */
		COST_AMOUNT {
			@Override
			public String asString() {
				return "gen_ai.usage.cost.amount";
			}
		}

	}

}
