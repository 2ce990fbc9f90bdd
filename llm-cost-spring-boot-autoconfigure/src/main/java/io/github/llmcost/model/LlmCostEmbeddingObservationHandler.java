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

package io.github.llmcost.model;

import java.math.BigDecimal;

import io.github.llmcost.attribution.AttributionPolicy;
import io.github.llmcost.billing.BillingDimension;
import io.github.llmcost.budget.BudgetGuard;
import io.github.llmcost.budget.LazyTokenCountEstimator;
import io.github.llmcost.cost.CallPricer;
import io.github.llmcost.observation.LlmCostObservationContext;
import io.github.llmcost.observation.LlmCostObservationConvention;
import io.github.llmcost.pricing.ResolvedPrice;
import io.github.llmcost.recording.LlmCostRecorder;
import io.github.llmcost.usage.TokenUsage;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.embedding.EmbeddingOptions;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationContext;
import org.springframework.ai.tokenizer.TokenCountEstimator;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Prices the calls of Spring AI {@link org.springframework.ai.embedding.EmbeddingModel
 * embedding models}: the input tokens the provider reports times the model's input price,
 * recorded as an {@code llm.call} observation with operation {@code embedding}. Budgets
 * reserve the input tokens of the texts, counted with jtokkit, whose encoding is loaded
 * on the first estimate.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public class LlmCostEmbeddingObservationHandler
		extends PricedModelObservationHandler<EmbeddingModelObservationContext> {

	/**
	 * The operation of embedding calls.
	 */
	public static final String OPERATION = "embedding";

	private final TokenCountEstimator tokenizer;

	/**
	 * Create a handler, whose collaborators are resolved on first use, that counts tokens
	 * with jtokkit, whose encoding is loaded on the first estimate.
	 * @param pricer the pricer of calls
	 * @param recorder the recorder of priced calls
	 * @param attributionPolicy the policy that decides the tags of calls
	 * @param budgetGuard the guard that holds calls to budgets, if any
	 * @param observationRegistry the registry to record {@code llm.call} observations in
	 * @param observationConvention a custom convention, if any
	 */
	public LlmCostEmbeddingObservationHandler(ObjectProvider<CallPricer> pricer,
			ObjectProvider<LlmCostRecorder> recorder, ObjectProvider<AttributionPolicy> attributionPolicy,
			ObjectProvider<BudgetGuard> budgetGuard, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<LlmCostObservationConvention> observationConvention) {
		this(pricer, recorder, attributionPolicy, budgetGuard, observationRegistry, observationConvention,
				new LazyTokenCountEstimator());
	}

	/**
	 * Create a handler, whose collaborators are resolved on first use.
	 * @param pricer the pricer of calls
	 * @param recorder the recorder of priced calls
	 * @param attributionPolicy the policy that decides the tags of calls
	 * @param budgetGuard the guard that holds calls to budgets, if any
	 * @param observationRegistry the registry to record {@code llm.call} observations in
	 * @param observationConvention a custom convention, if any
	 * @param tokenizer the token counter of the texts, asked only to estimate a call that
	 * a budget counts
	 */
	public LlmCostEmbeddingObservationHandler(ObjectProvider<CallPricer> pricer,
			ObjectProvider<LlmCostRecorder> recorder, ObjectProvider<AttributionPolicy> attributionPolicy,
			ObjectProvider<BudgetGuard> budgetGuard, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<LlmCostObservationConvention> observationConvention, TokenCountEstimator tokenizer) {
		super(pricer, recorder, attributionPolicy, budgetGuard, observationRegistry, observationConvention);
		this.tokenizer = tokenizer;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof EmbeddingModelObservationContext;
	}

	@Override
	protected String operation() {
		return OPERATION;
	}

	@Override
	protected @Nullable String requestModel(EmbeddingModelObservationContext context) {
		EmbeddingOptions options = context.getRequest().getOptions();
		return (options != null) ? emptyToNull(options.getModel()) : null;
	}

	@Override
	protected BigDecimal estimate(EmbeddingModelObservationContext context, @Nullable String requestModel) {
		ResolvedPrice price = getPricer().resolve(null, requestModel, context.getOperationMetadata().provider());
		if (price == null) {
			return BigDecimal.ZERO;
		}
		long tokens = 0;
		for (String text : context.getRequest().getInstructions()) {
			tokens += this.tokenizer.estimate(text);
		}
		return getPricer().getCalculator().calculate(inputTokens(tokens), price.price()).total();
	}

	@Override
	protected void price(EmbeddingModelObservationContext context, LlmCostObservationContext call) {
		EmbeddingResponse response = context.getResponse();
		if (response == null) {
			return;
		}
		call.setResponseModel(emptyToNull(response.getMetadata().getModel()));
		long tokens = inputTokens(response.getMetadata().getUsage());
		if (tokens <= 0) {
			getPricer().reportNoUsage(call.getResponseModel(), call.getRequestModel(), call.getProvider());
			return;
		}
		TokenUsage usage = inputTokens(tokens);
		charge(call, usage);
	}

	private static TokenUsage inputTokens(long tokens) {
		return TokenUsage.builder().tokens(BillingDimension.INPUT, tokens).build();
	}

	private static long inputTokens(@Nullable Usage usage) {
		if (usage == null) {
			return 0;
		}
		Integer prompt = usage.getPromptTokens();
		if (prompt != null && prompt > 0) {
			return prompt;
		}
		Integer total = usage.getTotalTokens();
		return (total != null) ? total : 0;
	}

}
