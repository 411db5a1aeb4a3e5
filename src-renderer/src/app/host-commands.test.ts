import { expect, test } from 'vitest';
import { routeFromLink } from './host-commands';

test('a passage link from the menu opens the article at the annotation', () => {
  expect(routeFromLink('archive-reader://article/a-on-november-28?annotation=3f2c')).toEqual({
    name: 'article',
    id: 'a-on-november-28',
    annotation: '3f2c',
  });
});

test('links that are not passage links open nothing', () => {
  expect(routeFromLink('https://example.org/article/x')).toBeNull();
  expect(routeFromLink('archive-reader://library?year=2019')).toBeNull();
  expect(routeFromLink('archive-reader://article/')).toBeNull();
  expect(routeFromLink('')).toBeNull();
});
