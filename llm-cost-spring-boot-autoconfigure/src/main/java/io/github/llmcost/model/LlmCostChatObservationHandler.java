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

import io.github.llmcost.advisor.AdvisedCalls;
import io.github.llmcost.attribution.AttributionPolicy;
import io.github.llmcost.budget.BudgetGuard;
import io.github.llmcost.cost.CallPricer;
import io.github.llmcost.observation.LlmCostObservationContext;
import io.github.llmcost.observation.LlmCostObservationConvention;
import io.github.llmcost.recording.LlmCostRecorder;
import io.github.llmcost.usage.TokenUsage;
import io.github.llmcost.usage.UsageEstimator;
import io.github.llmcost.usage.UsageNormalizers;
import io.github.llmcost.usage.UsageSource;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;

/**
 * Prices the chat calls that no {@link io.github.llmcost.advisor.LlmCostAdvisor} prices,
 * from Spring AI's chat model observation: a {@code ChatModel} called directly, or
 * through a {@code ChatClient} built without the advisor ({@code ChatClient.create},
 * {@code ChatClient.builder(chatModel)}). Calls and streams alike; a stream is priced
 * from the usage Spring AI aggregates when it ends. A call that an advisor prices is
 * marked by {@link AdvisedCalls} and left to it, so each call is priced once. Calls carry
 * the tags of the {@link io.github.llmcost.attribution.LlmCostTagContributor
 * contributors}; per-request tags need the advisor.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public class LlmCostChatObservationHandler extends PricedModelObservationHandler<ChatModelObservationContext> {

	/**
	 * The operation of chat calls, as Spring AI names it.
	 */
	public static final String OPERATION = "chat";

	private final SingletonSupplier<UsageNormalizers> usageNormalizers;

	private @Nullable ObjectProvider<UsageEstimator> usageEstimator;

	/**
	 * Create a handler, whose collaborators are resolved on first use.
	 * @param pricer the pricer of calls
	 * @param recorder the recorder of priced calls
	 * @param usageNormalizers the normalizers of reported usage
	 * @param attributionPolicy the policy that decides the tags of calls
	 * @param budgetGuard the guard that holds calls to budgets, if any
	 * @param observationRegistry the registry to record {@code llm.call} observations in
	 * @param observationConvention a custom convention, if any
	 */
	public LlmCostChatObservationHandler(ObjectProvider<CallPricer> pricer, ObjectProvider<LlmCostRecorder> recorder,
			ObjectProvider<UsageNormalizers> usageNormalizers, ObjectProvider<AttributionPolicy> attributionPolicy,
			ObjectProvider<BudgetGuard> budgetGuard, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<LlmCostObservationConvention> observationConvention) {
		super(pricer, recorder, attributionPolicy, budgetGuard, observationRegistry, observationConvention);
		this.usageNormalizers = SingletonSupplier.of(usageNormalizers::getObject);
	}

	/**
	 * Set the estimator of the usage of streams that end without usage; without one, such
	 * streams are recorded without usage.
	 * @param usageEstimator the estimator
	 */
	public void setUsageEstimator(ObjectProvider<UsageEstimator> usageEstimator) {
		this.usageEstimator = usageEstimator;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ChatModelObservationContext;
	}

	@Override
	protected boolean isPricedElsewhere(ChatModelObservationContext context) {
		return AdvisedCalls.isActive();
	}

	@Override
	protected String operation() {
		return OPERATION;
	}

	@Override
	protected boolean isStreaming(ChatModelObservationContext context) {
		return context.isStreaming();
	}

	@Override
	protected @Nullable String requestModel(ChatModelObservationContext context) {
		ChatOptions options = context.getRequest().getOptions();
		return (options != null) ? emptyToNull(options.getModel()) : null;
	}

	@Override
	protected BigDecimal estimate(ChatModelObservationContext context, @Nullable String requestModel) {
		BudgetGuard guard = getBudgetGuard();
		return (guard != null) ? guard.estimate(context.getRequest(), requestModel) : BigDecimal.ZERO;
	}

	@Override
	protected void price(ChatModelObservationContext context, LlmCostObservationContext call) {
		ChatResponse response = context.getResponse();
		if (response != null) {
			call.setResponseModel(emptyToNull(response.getMetadata().getModel()));
		}
		TokenUsage usage = (response != null)
				? this.usageNormalizers.obtain().normalizeReported(response.getMetadata().getUsage()) : null;
		if (usage == null) {
			usage = estimate(context, response, call);
		}
		if (usage == null) {
			getPricer().reportNoUsage(call.getResponseModel(), call.getRequestModel(), call.getProvider());
			return;
		}
		charge(call, usage);
	}

	// a stream that ended without usage and without error (cancelled, or sent no usage)
	// is estimated: its prompt, and the text Spring AI aggregated, if it completed
	private @Nullable TokenUsage estimate(ChatModelObservationContext context, @Nullable ChatResponse response,
			LlmCostObservationContext call) {
		UsageEstimator estimator = (this.usageEstimator != null) ? this.usageEstimator.getIfAvailable() : null;
		if (estimator == null || !context.isStreaming() || context.getError() != null) {
			return null;
		}
		Generation result = (response != null) ? response.getResult() : null;
		String text = (result != null) ? result.getOutput().getText() : null;
		TokenUsage usage = estimator.estimate(context.getRequest(), (text != null) ? text : "");
		if (usage.isEmpty()) {
			return null;
		}
		call.setUsageSource(UsageSource.ESTIMATED);
		return usage;
	}

}
