/** Public surface of the DARP engine for the rest of the platform. */
export { solve } from './alns.ts';
export type { SolveOptions, SolveResult } from './alns.ts';
export { checkSolution } from './check.ts';
export type { CheckResult, SolutionOut, Violation, ViolationKind } from './check.ts';
export { insertionOptions, scheduleStops } from './dynamic.ts';
export type { InsertionOption, InsertionQuery, OnBoardRider, PlannedStop, RideRequest, TravelTime, VehiclePlan } from './dynamic.ts';
export { buildProblem, euclideanMatrix, routeCost, solutionCost } from './model.ts';
export type { NodeSpec, Problem, Request, Route, Vehicle } from './model.ts';
export { parseDarp } from './parse-cordeau.ts';
export type { DarpFormat, ParsedInstance } from './parse-cordeau.ts';
export { toSolutionJson } from './solution-json.ts';
