// PLACEHOLDER: replaced by the owner of this handler.
export const handler = async (_event: unknown): Promise<unknown> => {
  throw new Error('not implemented yet');
};
