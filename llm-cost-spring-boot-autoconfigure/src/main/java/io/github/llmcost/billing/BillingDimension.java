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

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A dimension that a provider bills a model call by: a kind of token, or a fee per call.
 * This is the one list of dimensions: usage ({@code TokenUsage}), prices
 * ({@code ModelPrice}), costs ({@code LlmCost}), the {@code llm.tokens} and
 * {@code llm.cost} meters, the {@code llmcost} endpoint and the catalog reader are all
 * built from it, so a new billing dimension is a new constant here plus its
 * {@code llm-cost.pricing.models.<model>.*} property.
 * <p>
 * Token dimensions are disjoint: the prompt tokens of a call are the sum of its
 * {@link Side#PROMPT prompt} dimensions, its completion tokens the sum of its
 * {@link Side#COMPLETION completion} dimensions.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public enum BillingDimension {

	/**
	 * Uncached input tokens.
	 */
	INPUT(Unit.TOKEN, Side.PROMPT, "input", null, "input_cost_per_token"),

	/**
	 * Input tokens read from the prompt cache; priced as input unless priced.
	 */
	CACHED_INPUT(Unit.TOKEN, Side.PROMPT, "cached_input", INPUT, "cache_read_input_token_cost"),

	/**
	 * Input tokens written to the prompt cache for the provider's default time (five
	 * minutes at Anthropic); priced as input unless priced.
	 */
	CACHE_WRITE(Unit.TOKEN, Side.PROMPT, "cache_write", INPUT, "cache_creation_input_token_cost"),

	/**
	 * Input tokens written to the prompt cache for one hour, which Anthropic bills
	 * higher; counted under the {@code cache_write} meter type, priced as cache writes
	 * unless priced.
	 */
	CACHE_WRITE_1H(Unit.TOKEN, Side.PROMPT, "cache_write", CACHE_WRITE, "cache_creation_input_token_cost_above_1hr"),

	/**
	 * Audio input tokens; priced as input unless priced.
	 */
	AUDIO_INPUT(Unit.TOKEN, Side.PROMPT, "audio_input", INPUT, "input_cost_per_audio_token"),

	/**
	 * Output tokens that are not reasoning tokens.
	 */
	OUTPUT(Unit.TOKEN, Side.COMPLETION, "output", null, "output_cost_per_token"),

	/**
	 * Reasoning (thinking) tokens; priced as output unless priced.
	 */
	REASONING(Unit.TOKEN, Side.COMPLETION, "reasoning", OUTPUT, "output_cost_per_reasoning_token"),

	/**
	 * Audio output tokens; priced as output unless priced.
	 */
	AUDIO_OUTPUT(Unit.TOKEN, Side.COMPLETION, "audio_output", OUTPUT, "output_cost_per_audio_token"),

	/**
	 * The flat fee of a call, one unit per call; free unless priced.
	 */
	REQUEST(Unit.CALL, Side.NONE, "request", null, "input_cost_per_request");

	private static final List<BillingDimension> TOKENS = List.of(values())
		.stream()
		.filter(BillingDimension::isToken)
		.toList();

	private final Unit unit;

	private final Side side;

	private final String meterType;

	private final @Nullable BillingDimension fallback;

	private final String catalogField;

	private final String id;

	private final String propertyName;

	private final String jsonName;

	BillingDimension(Unit unit, Side side, String meterType, @Nullable BillingDimension fallback, String catalogField) {
		this.unit = unit;
		this.side = side;
		this.meterType = meterType;
		this.fallback = fallback;
		this.catalogField = catalogField;
		this.id = name().toLowerCase(Locale.ROOT);
		this.propertyName = ((unit == Unit.CALL) ? "per-" : "") + this.id.replace('_', '-');
		this.jsonName = camelCase(this.id);
	}

	private static String camelCase(String id) {
		StringBuilder name = new StringBuilder();
		boolean upper = false;
		for (char ch : id.toCharArray()) {
			if (ch == '_') {
				upper = true;
			}
			else {
				name.append(upper ? Character.toUpperCase(ch) : ch);
				upper = false;
			}
		}
		return name.toString();
	}

	/**
	 * Return what one unit of this dimension is.
	 * @return the unit
	 */
	public Unit unit() {
		return this.unit;
	}

	/**
	 * Return whether this dimension counts tokens.
	 * @return {@code true} for a token dimension
	 */
	public boolean isToken() {
		return this.unit == Unit.TOKEN;
	}

	/**
	 * Return which side of the call the tokens of this dimension are on.
	 * @return the side
	 */
	public Side side() {
		return this.side;
	}

	/**
	 * Return the value of the {@code llm.token.type} and {@code llm.cost.type} meter tags
	 * of this dimension, for example {@code cached_input}.
	 * @return the meter type
	 */
	public String meterType() {
		return this.meterType;
	}

	/**
	 * Return the dimension whose price this one has when it is not priced itself, for
	 * example {@link #INPUT} for {@link #CACHED_INPUT}; {@code null} for a dimension that
	 * must be priced ({@link #INPUT}, {@link #OUTPUT}) or is free unless priced.
	 * @return the fallback dimension, always declared before this one
	 */
	public @Nullable BillingDimension fallback() {
		return this.fallback;
	}

	/**
	 * Return whether a price of a model must give this dimension a price.
	 * @return {@code true} for {@link #INPUT} and {@link #OUTPUT}
	 */
	public boolean isRequired() {
		return this.fallback == null && this.unit == Unit.TOKEN;
	}

	/**
	 * Return the field of a LiteLLM-format price file that prices this dimension, per
	 * token or per call, for example {@code cache_read_input_token_cost}.
	 * @return the field name
	 */
	public String catalogField() {
		return this.catalogField;
	}

	/**
	 * Return the identifier of this dimension, as the endpoint and the ledger name it,
	 * for example {@code cache_write_1h}.
	 * @return the identifier
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Return the name of the property that prices this dimension under
	 * {@code llm-cost.pricing.models.<model>}, for example {@code cached-input} or
	 * {@code per-request}.
	 * @return the property name
	 */
	public String propertyName() {
		return this.propertyName;
	}

	/**
	 * Return the name of this dimension in JSON, for example {@code cachedInput}.
	 * @return the JSON name
	 */
	public String jsonName() {
		return this.jsonName;
	}

	/**
	 * Return the token dimensions, in declaration order.
	 * @return the token dimensions
	 */
	public static List<BillingDimension> tokens() {
		return TOKENS;
	}

	/**
	 * What one unit of a dimension is.
	 */
	public enum Unit {

		/**
		 * A token, priced per {@code llm-cost.pricing.per-tokens} tokens.
		 */
		TOKEN,

		/**
		 * A call: one unit per call, priced in the currency per call.
		 */
		CALL

	}

	/**
	 * The side of a call that the tokens of a dimension are on.
	 */
	public enum Side {

		/**
		 * Prompt (input) tokens.
		 */
		PROMPT,

		/**
		 * Completion (output) tokens.
		 */
		COMPLETION,

		/**
		 * Not tokens.
		 */
		NONE

	}

}
