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

import java.math.BigDecimal;

import io.github.llmcost.billing.BillingDimension;
import io.github.llmcost.cost.LlmCostCalculator;
import io.github.llmcost.pricing.ModelPriceResolver;
import io.github.llmcost.pricing.ResolvedPrice;
import io.github.llmcost.usage.TokenUsage;
import io.github.llmcost.usage.UsageEstimator;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.tokenizer.TokenCountEstimator;

/**
 * Estimates the cost of a model call before it is made, to reserve it against budgets:
 * the prompt's tokens, counted with a tokenizer and priced as uncached input, plus the
 * request's maximum output tokens (or a default) priced as output, plus the per-request
 * fee.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public final class CallCostEstimator {

	private final ModelPriceResolver priceResolver;

	private final LlmCostCalculator calculator;

	private final UsageEstimator usageEstimator;

	private final long defaultOutputTokens;

	/**
	 * Create an estimator that counts tokens with jtokkit, whose encoding is loaded on
	 * the first estimate.
	 * @param priceResolver the resolver of model prices
	 * @param calculator the cost calculator
	 * @param defaultOutputTokens the output tokens to assume when a request sets no
	 * maximum
	 */
	public CallCostEstimator(ModelPriceResolver priceResolver, LlmCostCalculator calculator, long defaultOutputTokens) {
		this(priceResolver, calculator, new LazyTokenCountEstimator(), defaultOutputTokens);
	}

	/**
	 * Create an estimator.
	 * @param priceResolver the resolver of model prices
	 * @param calculator the cost calculator
	 * @param tokenizer the token counter of prompt text
	 * @param defaultOutputTokens the output tokens to assume when a request sets no
	 * maximum
	 */
	public CallCostEstimator(ModelPriceResolver priceResolver, LlmCostCalculator calculator,
			TokenCountEstimator tokenizer, long defaultOutputTokens) {
		this.priceResolver = priceResolver;
		this.calculator = calculator;
		this.usageEstimator = new UsageEstimator(tokenizer);
		this.defaultOutputTokens = defaultOutputTokens;
	}

	/**
	 * Estimate the cost of a call.
	 * @param prompt the prompt of the call
	 * @param requestModel the model named in the request
	 * @return the estimate, zero if the model has no price
	 */
	public BigDecimal estimate(Prompt prompt, @Nullable String requestModel) {
		ResolvedPrice price = (requestModel != null) ? this.priceResolver.resolve(null, requestModel) : null;
		if (price == null) {
			return BigDecimal.ZERO;
		}
		TokenUsage usage = TokenUsage.builder()
			.tokens(BillingDimension.INPUT, this.usageEstimator.promptTokens(prompt))
			.tokens(BillingDimension.OUTPUT, outputTokens(prompt.getOptions()))
			.build();
		return this.calculator.calculate(usage, price.price()).total();
	}

	private long outputTokens(@Nullable ChatOptions options) {
		Integer maxTokens = (options != null) ? options.getMaxTokens() : null;
		return (maxTokens != null && maxTokens > 0) ? maxTokens : this.defaultOutputTokens;
	}

}
