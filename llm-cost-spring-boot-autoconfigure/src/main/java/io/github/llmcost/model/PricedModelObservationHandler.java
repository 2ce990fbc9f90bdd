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
import java.util.List;

import io.github.llmcost.attribution.AttributionPolicy;
import io.github.llmcost.attribution.AttributionPolicy.Attribution;
import io.github.llmcost.budget.BudgetGuard;
import io.github.llmcost.budget.BudgetReservation;
import io.github.llmcost.budget.LlmBudgetExceededException;
import io.github.llmcost.budget.LlmBudgetUnavailableException;
import io.github.llmcost.cost.CallPricer;
import io.github.llmcost.cost.CallPricer.Charge;
import io.github.llmcost.observation.DefaultLlmCostObservationConvention;
import io.github.llmcost.observation.LlmCostObservationContext;
import io.github.llmcost.observation.LlmCostObservationConvention;
import io.github.llmcost.observation.LlmCostObservationDocumentation;
import io.github.llmcost.recording.LlmCostRecorder;
import io.github.llmcost.usage.TokenUsage;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.observation.ModelObservationContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.StringUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Base of the handlers that price the calls of a Spring AI model observed through its
 * model observation: when the model's observation starts, it starts an {@code llm.call}
 * observation and reserves the call's estimate against its budgets (an enforced budget
 * that cannot take it rejects the call before any request is made); when the model's
 * observation stops, it prices the response, hands the priced call to the
 * {@link LlmCostRecorder} (which settles the reservation) and stops the {@code llm.call}
 * observation. Each model call is counted once. Calls carry the tags of the
 * {@link io.github.llmcost.attribution.LlmCostTagContributor contributors}, which get a
 * request with an empty prompt.
 *
 * @param <C> the type of the model observation's context
 * @author llm-cost contributors
 * @since 0.1.0
 */
public abstract class PricedModelObservationHandler<C extends ModelObservationContext<?, ?>>
		implements ObservationHandler<C> {

	private static final Log logger = LogFactory.getLog(PricedModelObservationHandler.class);

	private static final LlmCostObservationConvention DEFAULT_OBSERVATION_CONVENTION = new DefaultLlmCostObservationConvention();

	private static final ChatClientRequest AMBIENT_REQUEST = ChatClientRequest.builder()
		.prompt(new Prompt(List.of()))
		.build();

	private final SingletonSupplier<CallPricer> pricer;

	private final SingletonSupplier<LlmCostRecorder> recorder;

	private final SingletonSupplier<AttributionPolicy> attributionPolicy;

	private final SingletonSupplier<BudgetGuard> budgetGuard;

	private final SingletonSupplier<ObservationRegistry> observationRegistry;

	private final SingletonSupplier<LlmCostObservationConvention> observationConvention;

	/**
	 * Create a handler. Its collaborators are resolved on first use: the handler is
	 * itself registered in the observation registry, which is configured before beans
	 * that may need it, such as a Redis budget store or a price resolver reading a
	 * database.
	 * @param pricer the pricer of calls
	 * @param recorder the recorder of priced calls
	 * @param attributionPolicy the policy that decides the tags of calls
	 * @param budgetGuard the guard that holds calls to budgets, if any
	 * @param observationRegistry the registry to record {@code llm.call} observations in
	 * @param observationConvention a custom convention, if any
	 */
	protected PricedModelObservationHandler(ObjectProvider<CallPricer> pricer, ObjectProvider<LlmCostRecorder> recorder,
			ObjectProvider<AttributionPolicy> attributionPolicy, ObjectProvider<BudgetGuard> budgetGuard,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<LlmCostObservationConvention> observationConvention) {
		this.pricer = SingletonSupplier.of(pricer::getObject);
		this.recorder = SingletonSupplier.of(recorder::getObject);
		this.attributionPolicy = SingletonSupplier.of(attributionPolicy::getObject);
		this.budgetGuard = SingletonSupplier.ofNullable(budgetGuard::getIfAvailable);
		this.observationRegistry = SingletonSupplier
			.of(() -> observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP));
		this.observationConvention = SingletonSupplier.ofNullable(observationConvention::getIfAvailable);
	}

	/**
	 * Return the pricer of calls.
	 * @return the pricer
	 */
	protected CallPricer getPricer() {
		return this.pricer.obtain();
	}

	/**
	 * Return the operation of the calls, as Spring AI names it.
	 * @return the operation, for example {@code embedding}
	 */
	protected abstract String operation();

	/**
	 * Return the model named in the request.
	 * @param context the model observation's context
	 * @return the request model, if any
	 */
	protected abstract @Nullable String requestModel(C context);

	/**
	 * Estimate the cost of a call, to reserve against budgets.
	 * @param context the model observation's context
	 * @param requestModel the model named in the request
	 * @return the estimate
	 */
	protected abstract BigDecimal estimate(C context, @Nullable String requestModel);

	/**
	 * Price the response of a call into the {@code llm.call} context: response model,
	 * usage, price and cost.
	 * @param context the model observation's context, with its response if it has one
	 * @param call the {@code llm.call} context
	 */
	protected abstract void price(C context, LlmCostObservationContext call);

	/**
	 * Return whether the call streams its response.
	 * @param context the model observation's context
	 * @return {@code false} by default
	 */
	protected boolean isStreaming(C context) {
		return false;
	}

	/**
	 * Return whether the call is priced by another component, so that this handler leaves
	 * it alone.
	 * @param context the model observation's context
	 * @return {@code true} to leave the call alone; {@code false} by default
	 */
	protected boolean isPricedElsewhere(C context) {
		return false;
	}

	/**
	 * Return the guard that holds calls to budgets.
	 * @return the guard, if any
	 */
	protected @Nullable BudgetGuard getBudgetGuard() {
		return this.budgetGuard.get();
	}

	/**
	 * Price the tokens of a call into its {@code llm.call} context: usage, price and
	 * cost, or the usage alone if the model has no price (reported once).
	 * @param call the {@code llm.call} context, with its response model
	 * @param usage the tokens of the call
	 */
	protected void charge(LlmCostObservationContext call, TokenUsage usage) {
		call.setUsage(usage);
		Charge charge = getPricer().priceTokens(usage, call.getResponseModel(), call.getRequestModel(),
				call.getProvider());
		if (charge != null) {
			call.setCost(charge.price(), charge.cost());
		}
	}

	/**
	 * Return the given text, or {@code null} if it is empty.
	 * @param value the text
	 * @return the text, or {@code null}
	 */
	protected static @Nullable String emptyToNull(@Nullable String value) {
		return StringUtils.hasText(value) ? value : null;
	}

	@Override
	public void onStart(C context) {
		if (isPricedElsewhere(context)) {
			return;
		}
		ModelCall call;
		try {
			String requestModel = requestModel(context);
			Attribution attribution = this.attributionPolicy.obtain().attribute(AMBIENT_REQUEST);
			LlmCostObservationContext callContext = LlmCostObservationContext.builder()
				.operation(operation())
				.provider(context.getOperationMetadata().provider())
				.requestModel(requestModel)
				.currency(getPricer().getCurrency())
				.streaming(isStreaming(context))
				.attribution(attribution)
				.build();
			Observation observation = LlmCostObservationDocumentation.LLM_CALL
				.observation(this.observationConvention.get(), DEFAULT_OBSERVATION_CONVENTION, () -> callContext,
						this.observationRegistry.obtain())
				.start();
			call = new ModelCall(callContext, observation);
			context.put(ModelCall.class, call);
		}
		catch (RuntimeException ex) {
			logger.warn("Failed to start the accounting of an LLM " + operation() + " call; the call is not affected",
					ex);
			return;
		}
		reserve(context, call);
	}

	private void reserve(C context, ModelCall call) {
		BudgetGuard guard = this.budgetGuard.get();
		if (guard == null || !guard.isActive()) {
			return;
		}
		String requestModel = call.context.getRequestModel();
		try {
			call.reservation = guard.reserve(() -> estimate(context, requestModel), requestModel,
					call.context.getAttribution().tags());
		}
		catch (LlmBudgetExceededException | LlmBudgetUnavailableException ex) {
			call.observation.error(ex);
			call.observation.stop();
			context.remove(ModelCall.class);
			throw ex;
		}
		catch (RuntimeException ex) {
			logger.warn("Failed to reserve an LLM " + operation() + " call against its budgets; the call goes on", ex);
		}
	}

	@Override
	public void onError(C context) {
		ModelCall call = context.get(ModelCall.class);
		Throwable error = context.getError();
		if (call != null && error != null) {
			try {
				call.observation.error(error);
			}
			catch (RuntimeException ex) {
				logger.warn("Failed to record the error of an LLM " + operation() + " call", ex);
			}
		}
	}

	@Override
	public void onStop(C context) {
		ModelCall call = context.get(ModelCall.class);
		if (call == null) {
			return;
		}
		try {
			price(context, call.context);
		}
		catch (RuntimeException ex) {
			logger.warn("Failed to price an LLM " + operation() + " call; the call is not affected", ex);
		}
		try {
			this.recorder.obtain().record(call.context.toPricedCall(context.getError() != null), call.reservation);
			call.observation.stop();
		}
		catch (RuntimeException ex) {
			logger.warn("Failed to record an LLM " + operation() + " call; the call is not affected", ex);
		}
	}

	/**
	 * The accounting of one model call.
	 */
	private static final class ModelCall {

		private final LlmCostObservationContext context;

		private final Observation observation;

		private BudgetReservation reservation = BudgetReservation.NONE;

		ModelCall(LlmCostObservationContext context, Observation observation) {
			this.context = context;
			this.observation = observation;
		}

	}

}
