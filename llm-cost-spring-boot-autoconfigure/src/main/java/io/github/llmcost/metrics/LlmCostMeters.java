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

package io.github.llmcost.metrics;

import io.github.llmcost.observation.LlmCostObservationDocumentation;
import io.micrometer.common.docs.KeyName;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.docs.MeterDocumentation;

/**
 * Every meter that llm-cost records, in one place. Besides their own keys, the token and
 * cost meters carry the low-cardinality keys of the {@code llm.call} observation except
 * {@code llm.priced}; {@code llm.call.cost} also leaves out the response model and
 * {@code llm.usage.source}. The README's table of meters is checked against this list.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public enum LlmCostMeters implements MeterDocumentation {

	/**
	 * Duration of each model call; made from the {@code llm.call} observation by Spring
	 * Boot's default meter observation handler, with an {@code error} tag.
	 */
	CALL {
		@Override
		public String getName() {
			return "llm.call";
		}

		@Override
		public Meter.Type getType() {
			return Meter.Type.TIMER;
		}

		@Override
		public KeyName[] getKeyNames() {
			return LlmCostObservationDocumentation.LowCardinalityKeyNames.values();
		}
	},

	/**
	 * Tokens of model calls, by type.
	 */
	TOKENS {
		@Override
		public String getName() {
			return "llm.tokens";
		}

		@Override
		public Meter.Type getType() {
			return Meter.Type.COUNTER;
		}

		@Override
		public String getBaseUnit() {
			return "tokens";
		}

		@Override
		public KeyName[] getKeyNames() {
			return new KeyName[] { TokenKeyNames.TOKEN_TYPE };
		}
	},

	/**
	 * Cost of model calls, by type, in the currency its base unit and {@code currency}
	 * tag name.
	 */
	COST {
		@Override
		public String getName() {
			return "llm.cost";
		}

		@Override
		public Meter.Type getType() {
			return Meter.Type.COUNTER;
		}

		@Override
		public KeyName[] getKeyNames() {
			return CostKeyNames.values();
		}
	},

	/**
	 * Total cost of each model call, in the currency its base unit and {@code currency}
	 * tag name.
	 */
	CALL_COST {
		@Override
		public String getName() {
			return "llm.call.cost";
		}

		@Override
		public Meter.Type getType() {
			return Meter.Type.DISTRIBUTION_SUMMARY;
		}

		@Override
		public KeyName[] getKeyNames() {
			return new KeyName[] { CostKeyNames.CURRENCY };
		}
	},

	/**
	 * Calls whose value of a metric attribution tag was recorded as {@code other},
	 * because the tag had reached {@code llm-cost.attribution.max-values-per-tag}
	 * distinct values.
	 */
	ATTRIBUTION_CAPPED {
		@Override
		public String getName() {
			return "llm.attribution.capped";
		}

		@Override
		public Meter.Type getType() {
			return Meter.Type.COUNTER;
		}

		@Override
		public KeyName[] getKeyNames() {
			return AttributionKeyNames.values();
		}
	},

	/**
	 * Amount spent by a budget without {@code per-tag} in its current period.
	 */
	BUDGET_SPENT {
		@Override
		public String getName() {
			return "llm.budget.spent";
		}

		@Override
		public Meter.Type getType() {
			return Meter.Type.GAUGE;
		}

		@Override
		public KeyName[] getKeyNames() {
			return BudgetKeyNames.values();
		}
	},

	/**
	 * Amount per period of a budget without {@code per-tag}.
	 */
	BUDGET_LIMIT {
		@Override
		public String getName() {
			return "llm.budget.limit";
		}

		@Override
		public Meter.Type getType() {
			return Meter.Type.GAUGE;
		}

		@Override
		public KeyName[] getKeyNames() {
			return BudgetKeyNames.values();
		}
	},

	/**
	 * Projected spend of a budget without {@code per-tag} at the end of its period, at
	 * its recent rate; present when anomaly detection (which forecasts) is on.
	 */
	BUDGET_FORECAST {
		@Override
		public String getName() {
			return "llm.budget.forecast";
		}

		@Override
		public Meter.Type getType() {
			return Meter.Type.GAUGE;
		}

		@Override
		public KeyName[] getKeyNames() {
			return BudgetKeyNames.values();
		}
	},

	/**
	 * Failures of the budget store (memory or Redis).
	 */
	BUDGET_STORE_FAILURES {
		@Override
		public String getName() {
			return "llm.budget.store.failures";
		}

		@Override
		public Meter.Type getType() {
			return Meter.Type.COUNTER;
		}
	},

	/**
	 * Spend anomalies started, by the key whose spend rate rose.
	 */
	COST_ANOMALIES {
		@Override
		public String getName() {
			return "llm.cost.anomalies";
		}

		@Override
		public Meter.Type getType() {
			return Meter.Type.COUNTER;
		}

		@Override
		public KeyName[] getKeyNames() {
			return AnomalyKeyNames.values();
		}
	};

	/**
	 * Keys of the budget gauges.
	 */
	public enum BudgetKeyNames implements KeyName {

		/**
		 * Name of the budget, as under {@code llm-cost.budget.limits}.
		 */
		BUDGET {
			@Override
			public String asString() {
				return "budget";
			}
		},

		/**
		 * Currency, an ISO 4217 code such as {@code USD}.
		 */
		CURRENCY {
			@Override
			public String asString() {
				return "currency";
			}
		}

	}

	/**
	 * Keys of {@code llm.cost.anomalies}.
	 */
	public enum AnomalyKeyNames implements KeyName {

		/**
		 * Dimension of the key: {@code model}, or the name of a metric attribution tag.
		 */
		DIMENSION {
			@Override
			public String asString() {
				return "dimension";
			}
		},

		/**
		 * Value of the key, such as the model name or the feature.
		 */
		VALUE {
			@Override
			public String asString() {
				return "value";
			}
		}

	}

	/**
	 * Keys of {@code llm.attribution.capped}.
	 */
	public enum AttributionKeyNames implements KeyName {

		/**
		 * Name of the metric attribution tag whose value was capped.
		 */
		TAG {
			@Override
			public String asString() {
				return "tag";
			}
		}

	}

	/**
	 * Keys of {@code llm.tokens}.
	 */
	public enum TokenKeyNames implements KeyName {

		/**
		 * Token type: {@code input} (uncached), {@code cached_input},
		 * {@code cache_write}, {@code output} (not reasoning) or {@code reasoning}.
		 */
		TOKEN_TYPE {
			@Override
			public String asString() {
				return "llm.token.type";
			}
		}

	}

	/**
	 * Keys of {@code llm.cost} and {@code llm.call.cost}.
	 */
	public enum CostKeyNames implements KeyName {

		/**
		 * Cost type: the token types of {@code llm.token.type}, and {@code request} for
		 * the flat per-call fee.
		 */
		COST_TYPE {
			@Override
			public String asString() {
				return "llm.cost.type";
			}
		},

		/**
		 * Currency, an ISO 4217 code such as {@code USD}.
		 */
		CURRENCY {
			@Override
			public String asString() {
				return "currency";
			}
		}

	}

}
