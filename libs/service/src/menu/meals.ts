/** The eight meals of the original program, in its order. */
export const MEALS = [
  'Beef Goulash',
  'Chicken Parmesan Pasta',
  'Air Fryer Steak',
  'Pumpkin Soup',
  'Fried Rice',
  'Apple Pie',
  'Favourite Lasagne',
  'Thai Beef Salad',
] as const;

export type Meal = (typeof MEALS)[number];
